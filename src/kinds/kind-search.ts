/**
 * The worker side of one entity kind: how to search it and how to load its card. Each kind lives in
 * `src/kinds/<kind>/search.ts` and is listed once in `search-registry.ts`; the lookup fan-out, the cache and
 * the `details` handler only ever go through this interface.
 */
import type { SpaceApi } from '../space/api.ts';
import type { CallOptions, EntityKind, EntityOf } from '../space/types.ts';
import type { ParsedQuery } from '../shared/query.ts';

export interface KindSearchContext {
  signal: AbortSignal;
  /** Results wanted per kind: small, the popup shows a handful per group. */
  top: number;
  /**
   * Project keys whose issues and reviews a text search covers (the user's choice, else their starred or
   * member projects, capped), with the hinted project first. Loaded lazily and shared by the kinds of one
   * search; only issues and reviews ask.
   */
  scopeProjects(): Promise<string[]>;
}

export interface KindSearch<K extends EntityKind = EntityKind> {
  readonly kind: K;
  /** The Space permission this kind's search needs, named in the group's error when Space names none. */
  readonly permission: string;
  /** Text search runs inside the user's project scope (issues, reviews): the fan-out starts loading it early. */
  readonly projectScoped?: boolean;
  /**
   * Results for the query, best first, at most `ctx.top` (issues/reviews may merge several projects).
   * An exact key resolves to that one item (or none); an empty text finds nothing.
   */
  search(api: SpaceApi, query: ParsedQuery, ctx: KindSearchContext): Promise<EntityOf<K>[]>;
  /** The full card; `id` is `detailsIdOf(entity)` (src/shared/details-id.ts). */
  details(api: SpaceApi, id: string, opts: CallOptions): Promise<EntityOf<K>>;
}
