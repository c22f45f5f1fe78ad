/**
 * The popup's first-paint side of every kind (label, badge, row), one line each. Typed by ALL_KINDS
 * (src/shared/kinds.ts): a listed kind without its line here is a compile error. Adding a kind:
 * docs/adding-a-kind.md.
 */
import type { Entity, EntityKind } from '../shared/kinds.ts';
import { Text } from '../shared/ui/Text.tsx';
import type { KindView } from './kind-view.ts';
import { Joined, KindBadge, RowText } from './row-parts.tsx';
import { articleView } from './article/view.tsx';
import { channelView } from './channel/view.tsx';
import { codeView } from './code/view.tsx';
import { issueView } from './issue/view.tsx';
import { locationView } from './location/view.tsx';
import { personView } from './person/view.tsx';
import { projectView } from './project/view.tsx';
import { repositoryView } from './repository/view.tsx';
import { reviewView } from './review/view.tsx';
import { teamView } from './team/view.tsx';

export const VIEWS: { readonly [K in EntityKind]: KindView<K> } = {
  person: personView,
  team: teamView,
  location: locationView,
  project: projectView,
  issue: issueView,
  repository: repositoryView,
  review: reviewView,
  channel: channelView,
  article: articleView,
  code: codeView,
};

/** Any entity's row, as its own kind's view describes it. */
export function EntityRow({ entity, avatar }: { entity: Entity; avatar?: string | null }) {
  // TypeScript cannot correlate `entity.kind` with `VIEWS[entity.kind]` across the union; the view is always the
  // one of the entity's own kind.
  const view = VIEWS[entity.kind] as unknown as KindView;
  return (
    <>
      {view.lead ? view.lead(entity, avatar ?? null) : <KindBadge meta={view.meta} />}
      <RowText title={view.title ? view.title(entity) : <Text value={entity.title} />} detail={<Joined parts={view.detail(entity)} />} />
    </>
  );
}
