/**
 * The popup's first-paint side of every kind of ALL_KINDS (src/shared/kinds.ts): label, badge, row — `view`
 * of each folder's view.tsx, found by folder (`byKind`, shared/kinds.ts), so adding a kind writes no line here. Adding a kind:
 * docs/adding-a-kind.md.
 */
import { byKind, type Entity, type EntityKind } from '../shared/kinds.ts';
import { Text } from '../shared/ui/Text.tsx';
import type { KindView } from './kind-view.ts';
import { Joined, KindBadge, RowText } from './row-parts.tsx';

export const VIEWS: { readonly [K in EntityKind]: KindView<K> } = byKind(
  import.meta.glob('./*/view.tsx', { eager: true, import: 'view' }), 'view.tsx',
) as { readonly [K in EntityKind]: KindView<K> };

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
