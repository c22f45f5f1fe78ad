/**
 * The worker side of every kind of ALL_KINDS (src/shared/kinds.ts): `search` of each folder's search.ts,
 * found by folder (`byKind`, shared/kinds.ts), so adding a kind writes no line here. Adding a kind: docs/adding-a-kind.md.
 */
import { byKind, type EntityKind } from '../shared/kinds.ts';
import type { KindSearch } from './kind-search.ts';

export const KIND_SEARCHES: { readonly [K in EntityKind]: KindSearch<K> } = byKind(
  import.meta.glob('./*/search.ts', { eager: true, import: 'search' }), 'search.ts',
) as { readonly [K in EntityKind]: KindSearch<K> };

export function kindSearch<K extends EntityKind>(kind: K): KindSearch<K> {
  return KIND_SEARCHES[kind] as KindSearch<K>;
}
