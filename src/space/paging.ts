/**
 * Space batches: `{next, totalCount, data}` with `$skip`/`$top` (space-api.md §3).
 * `next` is an opaque string passed back as `$skip`; on the last page it is not null but equals the
 * end offset, so "is there more?" has to be inferred the way the official SDK does.
 */
import type { Query } from './http.ts';
import { Reader, ShapeError } from './parse.ts';
import type { Batch, Page } from './types.ts';

export const PAGE = {
  /** Page size when the caller doesn't say: a popup shows a handful per kind. */
  top: 20,
  /** Space's own default and, as far as anyone knows, a safe maximum for `$top` [U]. */
  maxTop: 100,
} as const;

/** `$top` and `$skip` of a page. */
export function pageQuery(page: Page | undefined): Query {
  return { $top: pageSize(page?.top), ...(page?.skip ? { $skip: page.skip } : {}) };
}

/** The page size asked for, within 1…`PAGE.maxTop`; `PAGE.top` when not a number. */
export function pageSize(top: number | undefined): number {
  if (top === undefined || !Number.isFinite(top)) return PAGE.top;
  return Math.min(PAGE.maxTop, Math.max(1, Math.floor(top)));
}

/** `skip` as an offset, for an answer paged here (a plain array); 0 unless a positive integer. */
export function pageOffset(skip: string | undefined): number {
  const n = Number(skip ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * The batch's envelope (`data`, `next`, `totalCount`) must be right, or the whole answer is unreadable. Its elements
 * are mapped one by one: an element that is not an object, or that `mapItem` cannot read (a required field missing
 * or of another type: a `ShapeError`), is left out and counted in `unreadable`, so one odd item never costs the
 * user the others. Any other error is a bug and is thrown.
 */
export function parseBatch<T>(raw: unknown, mapItem: (item: Reader) => T): Batch<T> {
  const batch = Reader.of(raw);
  const data = batch.arr('data'); // required: throws a ShapeError when missing or not an array
  const totalCount = batch.optNum('totalCount');
  const rawNext = batch.optStr('next');
  const { items, unreadable } = mapEach(batch.objectsOrNull('data'), mapItem);
  // The page's own length decides, not what could be read: a page of unreadable items still has a next one.
  return { items, next: hasMore(rawNext, totalCount, data.length) ? rawNext : null, totalCount, unreadable };
}

/**
 * Maps each element on its own; `null` (not an object) and a `ShapeError` from `mapItem` count as unreadable.
 * Shared by `parseBatch` and the plain-array answers (locations).
 */
export function mapEach<T>(elements: readonly (Reader | null)[], mapItem: (item: Reader) => T): { items: T[]; unreadable: number } {
  const items: T[] = [];
  let unreadable = 0;
  for (const element of elements) {
    if (element === null) {
      unreadable += 1;
      continue;
    }
    try {
      items.push(mapItem(element));
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      unreadable += 1;
    }
  }
  return { items, unreadable };
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
