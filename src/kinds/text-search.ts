/**
 * The `search` of a kind Space searches organization-wide by text (people, teams, locations, repositories):
 * nothing for an empty query, otherwise one request for `ctx.top` results.
 */
import type { SpaceApi } from '../space/api.ts';
import type { Batch, CallOptions, Page } from '../space/types.ts';
import type { ParsedQuery } from '../shared/query.ts';
import type { Found, KindSearchContext } from './kind-search.ts';

export function textSearch<T>(
  call: (api: SpaceApi, query: string, page: Page, opts: CallOptions) => Promise<Batch<T>>,
): (api: SpaceApi, parsed: ParsedQuery, ctx: KindSearchContext) => Promise<Found<T>> {
  return async (api, parsed, ctx) => {
    if (parsed.query === '') return { items: [], unreadable: 0 };
    const batch = await call(api, parsed.query, { top: ctx.top }, { signal: ctx.signal });
    // Not every endpoint honours `$top` (locations come as one plain array); the contract is at most `top`.
    return { items: batch.items.slice(0, ctx.top), unreadable: batch.unreadable };
  };
}
