/**
 * The popup's first-paint side of every kind (label, badge, row), one line each. Typed by ALL_KINDS
 * (src/shared/kinds.ts): a listed kind without its line here is a compile error. Adding a kind:
 * docs/adding-a-kind.md.
 */
import type { VNode } from 'preact';
import type { Entity, EntityKind } from '../shared/kinds.ts';
import type { KindView } from './kind-view.ts';
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

// TypeScript cannot correlate `entity.kind` with `VIEWS[entity.kind]` across the union, so the one unchecked
// step lives here: the row is always looked up by the entity's own kind.
type AnyRow = (props: { entity: Entity; avatar?: string | null }) => VNode | null;

/** Any entity's row, rendered by its own kind's view. */
export function EntityRow({ entity, avatar }: { entity: Entity; avatar?: string | null }) {
  const Row = VIEWS[entity.kind].Row as unknown as AnyRow;
  return <Row entity={entity} avatar={avatar ?? null} />;
}
