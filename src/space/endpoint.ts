/**
 * One GET of a Space endpoint, described by the kind that owns it (`src/kinds/<kind>/space.ts`) and served by the
 * client's one generic call, `SpaceApi.get`: the request (path, query with Space's own parameter names, `$fields`),
 * how its failures read, and the mapper. The client adds the origin, the token, retries, and the call's signal.
 */
import type { SpaceOperation } from './errors.ts';
import type { Query } from './http.ts';
import { parseBatch } from './paging.ts';
import { Reader } from './parse.ts';
import type { Batch } from './types.ts';

export interface SpaceRequest<T> {
  /** What is being done, named by the kind (e.g. `searchTeams`); the error's `op`. */
  op: SpaceOperation;
  /** Under `/api/http`, every value encoded (`pathSegment`, `pathIdent`). */
  path: string;
  /** Mandatory: every JSON call names its fields (space-api.md §3). */
  fields: string;
  query?: Query;
  /** Which item, for the error's `subject`: a key, a username, a project key. */
  subject?: string;
  /** Collections and searches: a bare 404 means the endpoint is missing (http.ts `byStatus`). */
  on404?: 'unsupported';
  /** Lookups of an identifier the user typed: Space's 400 for it means "no such item". */
  onInvalid?: 'not-found';
  map(json: unknown, origin: string): T;
}

/** `map` of a request answered by one object. */
export function one<T>(map: (item: Reader, origin: string) => T): (json: unknown, origin: string) => T {
  return (json, origin) => map(Reader.of(json), origin);
}

/** `map` of a request answered by a batch (`parseBatch`: unreadable items counted, not fatal). */
export function batchOf<T>(map: (item: Reader, origin: string) => T): (json: unknown, origin: string) => Batch<T> {
  return (json, origin) => parseBatch(json, (item) => map(item, origin));
}
