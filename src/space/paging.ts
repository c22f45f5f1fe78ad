/**
 * Space batches: `{next, totalCount, data}` with `$skip`/`$top` (space-api.md §3).
 * `next` is an opaque string passed back as `$skip`; on the last page it is not null but equals the
 * end offset, so "is there more?" has to be inferred the way the official SDK does.
 */
import { Reader } from './parse.ts';
import type { Batch } from './types.ts';

export function parseBatch<T>(raw: unknown, mapItem: (item: Reader) => T): Batch<T> {
  const batch = Reader.of(raw);
  batch.arr('data'); // required: throws a ShapeError when missing or not an array
  const data = batch.objects('data');
  const totalCount = batch.optNum('totalCount');
  const rawNext = batch.optStr('next');
  const items = data.map(mapItem);
  return { items, next: hasMore(rawNext, totalCount, items.length) ? rawNext : null, totalCount };
}

/**
 * Mirrors the .NET SDK's stop rules: no data, an empty `next`, or `next` equal to the total count.
 * Guessed for Space itself ([I] in space-api.md §3): a server whose `next` is a cursor would never
 * equal the count, so that rule can only stop early on offset-based paging, where it is right.
 */
function hasMore(next: string | null, totalCount: number | null, itemCount: number): next is string {
  if (next === null || next === '' || itemCount === 0) return false;
  if (totalCount !== null && next === String(totalCount)) return false;
  return true;
}
