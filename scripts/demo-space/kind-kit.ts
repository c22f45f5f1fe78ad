/**
 * What a kind module (kinds/<kind>.ts) is made of, and the helpers each one uses (identifiers — `me`, `key:ABC`,
 * a route's `{project}` — are lookup.ts's). The server does the rest for every route: the Bearer check, faults and
 * latency, the request log, the contract check of the request and of the JSON answer against Space's published
 * API, `$fields` projection, restricted mode for nested profiles (withheld as `{id, $errors}`), and Space's error
 * body for a thrown ApiError (notFound, validationError).
 *
 * A kind module is discovered by its file name (kind-modules.ts): adding a kind's endpoint is one new file,
 * `kinds/<kind>.ts`, and no registry line anywhere else. For example:
 *
 *   import { containsFolded, createPrng, defineKind, pageOf, route, type RequestContext } from '../kind-kit.ts';
 *   import { projectParam } from '../lookup.ts';
 *   import { documentUrl } from '../../../src/kinds/document/web-url.ts';
 *
 *   declare module '../dataset.ts' { interface KindData { documents: DocumentRecord[] } }
 *   interface DocumentRecord { id: string; title: string; projectId: string }
 *
 *   export default defineKind({
 *     kind: 'document',
 *     routes: [route('GET', '/projects/{project}/documents/folders/{folder}/search', search)],
 *     data: (world) => {
 *       const prng = createPrng(0x5eed_0005); // its own seed: nothing else reshuffles
 *       return { documents: world.projects.map((p) => ({ id: prng.id(), title: `${p.name} handbook`, projectId: p.id })) };
 *     },
 *     counts: (ds) => ({ documents: ds.documents.length }),
 *     e2e: {   // its find → open case for the e2e suites: see KindE2eCase below
 *       query: 'handbook',
 *       url: (origin, ds) => documentUrl(origin, ds.documents.find((d) => d.title === 'Alpha Backend handbook')!.id),
 *     },
 *   });
 *
 *   function search(ctx: RequestContext): unknown {
 *     const project = projectParam(ctx);   // 404 for a project the viewer can't see
 *     const query = ctx.query.get('query') ?? '';
 *     return pageOf(ctx.dataset.documents.filter((d) => d.projectId === project.id && containsFolded(d.title, query)), ctx.query);
 *   }
 *
 * kinds/kinds.test.ts then wants the kind in ALL_KINDS, its e2e case and the path in the spec; every answer is checked
 * against the spec's schema for the operation, so a field Space does not have fails the test that fetched it.
 */
import type { Dataset, KindData, World } from './dataset.ts';
import type { QueryParams, RequestContext, Route } from './router.ts';
import { ApiError, paginate, validationError, type Batch } from './wire.ts';

export interface KindDataOptions {
  /** 00:00 UTC of the day the data is generated: relative times count from it. */
  anchorMs: number;
  /** Add this kind's hostile strings (XSS, bidi…) in the hostile project, by the hostile person (data-hostile.ts). */
  hostile: boolean;
  /** The large organization (data-large.ts): add this kind's share of it, if it has one. */
  large: boolean;
}

export interface KindModule {
  /** The kind, as named in ALL_KINDS (src/shared/kinds.ts) and in the file name `kinds/<kind>.ts`. */
  kind: string;
  /** Its endpoints under /api/http. The router prefers literal segments to parameters, so order never matters. */
  routes: readonly Route[];
  /**
   * Its own data, generated after the shared world (people, teams, locations, projects, issues, reviews) from its
   * own seed, so adding a kind never reshuffles the others. The result is merged into the Dataset; declare its
   * slots with `declare module '../dataset.ts' { interface KindData { … } }` in the module.
   */
  data?: (world: World, options: KindDataOptions) => Partial<KindData>;
  /** How many there are, for `GET /__demo/info` (`{counts: {…}}`). */
  counts?: (dataset: Dataset) => Record<string, number>;
  /**
   * The kind's find → open case for the end-to-end suites (e2e/kind-cases.ts builds one per kind of ALL_KINDS, in
   * its order, from these; e2e/kinds.e2e.ts fails for a kind without one, and so does kinds/kinds.test.ts). Optional
   * in the type only so that a module being written compiles; every kind must have one.
   */
  e2e?: KindE2eCase;
}

/**
 * One search that finds a known item of this kind in the demo data, and the Space URL its row must open at:
 * the e2e suites type `query` in the popup, wait for the row of this kind whose `data-url` is `url(…)` in the kind's
 * group, check the card shows each of `card` (when given), click the row and expect the tab to open at `url(…)`.
 * They run it with a full token and with a restricted one (`--restricted`: nested profiles withheld), so pick an item
 * the demo user can see either way. Build the URL with the kind's own `src/kinds/<kind>/web-url.ts` (pure functions;
 * a demo module may import them), from the demo data, never a literal link. For example:
 *
 *   import { documentUrl } from '../../../src/kinds/document/web-url.ts';
 *   …
 *   e2e: {
 *     query: 'handbook',
 *     url: (origin, ds) => documentUrl(origin, ds.documents.find((d) => d.title === 'Alpha Backend handbook')!.id),
 *     card: ['Alpha Backend handbook'],
 *   },
 */
export interface KindE2eCase {
  /** What to type: a fixed query, or one derived from the demo data (e.g. an item's title). */
  query: string | ((dataset: Dataset) => string);
  /** The Space URL the found item opens at, given the demo server's origin (`http://127.0.0.1:PORT`) and its data. */
  url: (origin: string, dataset: Dataset) => string;
  /** Texts the item's card shows once its row is the active result (checked by e2e/kinds.e2e.ts). */
  card?: readonly string[];
}

/** A kind module's default export. */
export function defineKind(module: KindModule): KindModule {
  return module;
}

export { NO_CONTENT, route, type QueryParams, type RequestContext, type Route } from './router.ts';
export { ApiError, DAY_MS, date, dateTime, notFound, paginate, validationError } from './wire.ts';
export { containsFolded, fold, matchesWordPrefixes } from './text-match.ts';
export { createPrng } from './prng.ts';

/** A parameter Space requires ([C] from the spec: `required: true`); missing or empty is a 400. */
export function requiredParam(query: QueryParams, name: string): string {
  const value = query.get(name);
  if (value === undefined || value === '') throw validationError(`Parameter '${name}' is required`);
  return value;
}

/** `name`'s value when it is one of `values`; absent or empty (null on the wire) is undefined; anything else is a 400. */
export function optionalEnum<T extends string>(query: QueryParams, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw)) throw validationError(`Parameter '${name}' has an invalid value`);
  return raw as T;
}

/** A `full-date` parameter (`yyyy-MM-dd`), or null when absent or empty; anything else is a 400. */
export function dayParam(query: QueryParams, name: string): string | null {
  const value = query.get(name);
  if (value === undefined || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw validationError(`Parameter '${name}' has an invalid value`);
  return value;
}

/** A `date-time` parameter as epoch ms, or undefined when absent or empty; anything unparsable is a 400. */
export function dateTimeParam(query: QueryParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw validationError(`Parameter '${name}' has an invalid value`);
  return ms;
}

/**
 * Restricted mode for a whole endpoint: the token lacks `right`, so the answer is a 403 naming it (as `GET /absences`
 * answers; [I] field-level `$errors` are for objects inside an answer the token may read).
 */
export function requireRight(ctx: RequestContext, right: string): void {
  if (ctx.restricted) throw new ApiError(403, 'permission-denied', `Permission denied: ${right}`);
}

/** One page of `items` per the request's `$skip` and `$top`: a Batch (wire.ts paginate). */
export function pageOf<T>(items: readonly T[], query: QueryParams): Batch<T> {
  return paginate(items, query.get('$skip'), query.get('$top'));
}
