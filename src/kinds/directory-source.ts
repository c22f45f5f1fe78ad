/**
 * A directory kind's full listing for the worker's local directory (issue 16, src/background/directory/): every
 * item, page by page, with the fields of its search row — the same `$fields` and mapper as the kind's search, so a
 * row from the directory is the row Space's search gives. Each such kind has one in `src/kinds/<kind>/directory.ts`.
 */
import type { SpaceApi } from '../space/api.ts';
import type { Query } from '../space/http.ts';
import type { Batch, CallOptions } from '../space/types.ts';

/** `top` is sent as is (the directory picks it: docs/space-behaviour.md, "Local directory"); `skip` is Space's `next`. */
export interface DirectoryPage {
  top: number;
  skip?: string;
}

export type DirectoryList<T> = (api: SpaceApi, page: DirectoryPage, call?: CallOptions) => Promise<Batch<T>>;

export function directoryPageQuery(page: DirectoryPage): Query {
  return page.skip === undefined ? { $top: page.top } : { $top: page.top, $skip: page.skip };
}
