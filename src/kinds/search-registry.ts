/**
 * The worker side of every kind of ALL_KINDS (src/shared/kinds.ts): `<kind>Search` of each folder's search.ts,
 * found by folder (kind-folders.ts), so adding a kind writes no line here. Adding a kind: docs/adding-a-kind.md.
 */
import type { EntityKind } from '../shared/kinds.ts';
import { fromKindFolders } from './kind-folders.ts';
import type { KindSearch } from './kind-search.ts';

export const KIND_SEARCHES: { readonly [K in EntityKind]: KindSearch<K> } = fromKindFolders(
  import.meta.glob<Record<string, unknown>>('./*/search.ts', { eager: true }), 'search.ts', 'Search',
) as { readonly [K in EntityKind]: KindSearch<K> };

export function kindSearch<K extends EntityKind>(kind: K): KindSearch<K> {
  return KIND_SEARCHES[kind] as KindSearch<K>;
}
