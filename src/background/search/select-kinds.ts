import { ALL_KINDS, type EntityKind, type Filter } from '../../shared/kinds.ts';
import { type ParsedQuery } from '../../shared/query.ts';
import { effectiveFilter } from '../../shared/query-text.ts';

/**
 * Which kinds a query asks about:
 *  - the filter it runs with (`effectiveFilter`: `@jo` → people, whatever chip is selected);
 *  - an issue/review key with "All" (or its own chip) → that kind alone, resolved exactly; a key whose number
 *    cannot exist (`ABC-MR-0`) → nothing;
 *  - otherwise the selected chip, or every kind for "All";
 *  - nothing to search (empty query) → no kinds.
 */
export function selectKinds(parsed: ParsedQuery, chosen: Filter): EntityKind[] {
  const filter = effectiveFilter(parsed, chosen);
  if (parsed.key && (filter === 'all' || filter === parsed.key.kind)) return [parsed.key.kind];
  // A key no item can have names nothing: no kind is asked (the search says which item is missing).
  if (parsed.impossibleKey && (filter === 'all' || filter === parsed.impossibleKey.kind)) return [];
  if (parsed.query === '') return [];
  return filter === 'all' ? [...ALL_KINDS] : [filter];
}
