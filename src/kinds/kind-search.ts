/**
 * The worker side of one entity kind: how to search it, how to load its card, its line in the address bar.
 * Each kind's is `search` in `src/kinds/<kind>/search.ts`, found by `search-registry.ts`; the lookup fan-out, the
 * cache, the omnibox and the `details` handler only ever go through this interface. The Space calls behind it are
 * the kind's own too (space.ts, with its mapper, `$fields` and web URL), served by the client's generic `get`.
 */
import type { SpaceApi } from '../space/api.ts';
import type { CallOptions, EntityOf } from '../space/types.ts';
import type { EntityKind } from '../shared/kinds.ts';
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

/**
 * What one kind's search found: the items it could read, best first, and how many more Space sent that could not
 * be read (left out; the group says so, issue 15 item 7).
 */
export interface Found<T> {
  items: T[];
  unreadable: number;
  /** The one project searched (`ABC login`, project-scoped.ts): the group says "in ABC". */
  project?: string;
}

/** Loads one entity's full card. */
export type DetailsLoader<K extends EntityKind> = (api: SpaceApi, opts: CallOptions) => Promise<EntityOf<K>>;

export interface KindSearch<K extends EntityKind = EntityKind> {
  readonly kind: K;
  /**
   * The Space permission this kind's search needs, the first of its `permissions.ts`: named in the group's error
   * when Space names none. (Options lists every kind's, required-permissions.ts.)
   */
  readonly permission: string;
  /** Text search runs inside the user's project scope (issues, reviews): the fan-out starts loading it early. */
  readonly projectScoped?: boolean;
  /**
   * Results for the query, best first, at most `ctx.top` (issues/reviews may merge several projects).
   * An exact key resolves to that one item (or none); an empty query finds nothing.
   */
  search(api: SpaceApi, parsed: ParsedQuery, ctx: KindSearchContext): Promise<Found<EntityOf<K>>>;
  /**
   * Decodes a details id — what the kind's card hands out as `detailsId(entity)` (card.tsx) — into the call that
   * loads the full card; null when `id` is not one `detailsId` makes (the worker then answers bad-request). A kind
   * whose row is the whole card hands out no details id, and reads none.
   */
  details(id: string): DetailsLoader<K> | null;
  /** Its line after the title in the address bar's suggestions (`spc …`). */
  omniboxLine(entity: EntityOf<K>): string;
  /** Text typed in the address bar suggests this kind (a key always suggests its own): few do, the list is short. */
  readonly omniboxText?: boolean;
}
