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

export interface ReadPagesLimits {
  /** Upper bound on requests. */
  maxPages: number;
  /** Upper bound on items returned; the last page is cut to fit. */
  maxItems: number;
}

export interface PagesRead<T> extends Batch<T> {
  pages: number;
  /** A limit stopped the reading while Space still had more. */
  truncated: boolean;
}

/**
 * Reads pages until the data runs out or a limit is hit. Stops on an empty page, a missing `next`
 * and a `next` that did not move (a server bug that would otherwise loop forever).
 * `next` in the result is where to resume, or null when everything was read.
 */
export async function readPages<T>(
  fetchPage: (skip: string | undefined) => Promise<Batch<T>>,
  limits: ReadPagesLimits,
): Promise<PagesRead<T>> {
  const maxPages = Math.max(1, Math.floor(limits.maxPages));
  const maxItems = Math.max(0, Math.floor(limits.maxItems));
  const items: T[] = [];
  let skip: string | undefined;
  let totalCount: number | null = null;
  let pages = 0;

  while (pages < maxPages && items.length < maxItems) {
    const page = await fetchPage(skip);
    pages += 1;
    totalCount = page.totalCount ?? totalCount;
    const room = maxItems - items.length;
    items.push(...page.items.slice(0, room));
    if (page.items.length > room) {
      // Cut mid-page: there is more, but resuming at `page.next` would skip the cut items.
      return { items, next: null, totalCount, pages, truncated: true };
    }
    if (page.items.length === 0 || page.next === null || page.next === skip) {
      return { items, next: null, totalCount, pages, truncated: false };
    }
    skip = page.next;
  }
  return { items, next: skip ?? null, totalCount, pages, truncated: true };
}
