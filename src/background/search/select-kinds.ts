import { ALL_KINDS, type EntityKind, type Filter } from '../../shared/protocol.ts';
import type { ParsedQuery } from '../../shared/query.ts';

/**
 * Which kinds a query asks about:
 *  - `@jo` → people only, whatever chip is selected (the `@` is the more explicit choice);
 *  - an issue/review key with "All" (or its own chip) → that kind alone, resolved exactly; a key whose number
 *    cannot exist (`ABC-MR-0`) → nothing;
 *  - otherwise the selected chip, or every kind for "All";
 *  - nothing to search (empty query) → no kinds.
 */
export function selectKinds(query: ParsedQuery, filter: Filter): EntityKind[] {
  if (query.peopleOnly) return query.text === '' ? [] : ['person'];
  if (query.key && (filter === 'all' || filter === query.key.kind)) return [query.key.kind];
  // A key no item can have names nothing: no kind is asked (the search says which item is missing).
  if (query.impossibleKey && (filter === 'all' || filter === query.impossibleKey.kind)) return [];
  if (query.text === '') return [];
  return filter === 'all' ? [...ALL_KINDS] : [filter];
}
