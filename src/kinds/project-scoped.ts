/**
 * Issues and reviews live inside projects and Space has no global text search for them, so a text search
 * asks each project in scope and merges. Keys need none of this: they resolve in any project.
 */
import type { SpaceApi } from '../space/api.ts';
import { isSpaceError } from '../space/errors.ts';
import { formatKey } from '../space/keys.ts';
import type { Batch, CallOptions, Page } from '../space/types.ts';
import type { ParsedQuery, ProjectSearch } from '../shared/query.ts';
import type { Found, KindSearchContext } from './kind-search.ts';

/**
 * For a query that is only a project key (`ABC`, `ABC-`, `ABC-T-`), the query is no help: list that project's
 * latest items instead. Otherwise the query as typed.
 *
 * `parseQuery` sets `projectKeyHint` without a `key` exactly when the whole query is such a project key (a
 * full issue/review key also carries its project as the hint), so nothing is parsed again here.
 */
export function projectScopedQuery(parsed: ParsedQuery): { query: string; projectOnly: string | null } {
  if (parsed.projectKeyHint !== undefined && !parsed.key) return { query: '', projectOnly: parsed.projectKeyHint };
  return { query: parsed.query, projectOnly: null };
}

/** True when a text search of a project-scoped kind will read the scope (no key, no project-only query). */
export function needsProjectScope(parsed: ParsedQuery): boolean {
  if (parsed.key) return false;
  const { query, projectOnly } = projectScopedQuery(parsed);
  return projectOnly === null && query !== '';
}

/** The two Space calls that differ between issues and reviews. */
export interface ProjectScopedCalls<T> {
  /** One item by its canonical key (`ABC-T-12`, `ABC-MR-3`), in any project. */
  byKey(api: SpaceApi, key: string, opts: CallOptions): Promise<T>;
  /** Text search inside one project; an empty query lists its latest items. */
  inProject(api: SpaceApi, projectKey: string, query: string, page: Page, opts: CallOptions): Promise<Batch<T>>;
}

/**
 * The `search` of a kind that lives inside projects: a key of this kind resolves to that one item (or
 * none); a project key alone lists that project; a project key and words (`ABC login`) search that project for
 * the words, in scope or not; any other query searches every project in scope and merges.
 */
export function projectScopedSearch<T extends { id: string }>(
  kind: 'issue' | 'review',
  calls: ProjectScopedCalls<T>,
): (api: SpaceApi, parsed: ParsedQuery, ctx: KindSearchContext) => Promise<Found<T>> {
  return async (api, parsed, ctx) => {
    const opts = { signal: ctx.signal };
    // One item asked for by its key: unreadable, it is an error (the client's bad-response), not a count.
    if (parsed.key?.kind === kind) return { items: await orEmptyIfNotFound(calls.byKey(api, formatKey(parsed.key), opts)), unreadable: 0 };
    if (parsed.projectSearch) {
      const inOne = await inNamedProject(parsed.projectSearch, ctx.top, (key, words) => calls.inProject(api, key, words, { top: ctx.top }, opts));
      if (inOne) return inOne;
    }
    const { query, projectOnly } = projectScopedQuery(parsed);
    if (query === '' && projectOnly === null) return { items: [], unreadable: 0 };
    const projects = projectOnly !== null ? [projectOnly] : await ctx.scopeProjects();
    return searchAcrossProjects(projects, ctx.top, (projectKey) => calls.inProject(api, projectKey, query, { top: ctx.top }, opts));
  };
}

/**
 * `ABC login`: the words in project ABC, the group saying "in ABC" (`project`). Null when Space says ABC is no
 * project (`not-found`: `inProject` tells a missing project from a missing endpoint): the first word was text after
 * all (`UI bug`, `TODO fix`), so the caller searches the scope for the whole text as for any query — no error shown.
 * Any other failure is the group's (a project the token may not read says so, rather than quietly searching
 * elsewhere).
 */
async function inNamedProject<T extends { id: string }>(
  named: ProjectSearch,
  top: number,
  searchOne: (projectKey: string, words: string) => Promise<Pick<Batch<T>, 'items' | 'unreadable'>>,
): Promise<Found<T> | null> {
  try {
    const found = await searchOne(named.projectKey, named.words);
    return { items: found.items.slice(0, top), unreadable: found.unreadable, project: named.projectKey };
  } catch (e) {
    if (isSpaceError(e) && e.code === 'not-found') return null;
    throw e;
  }
}

/**
 * Runs `searchOne` for every project at once and merges round-robin (each project's own order kept, the
 * first project — the hinted one — first), capped at `top`; the projects' unreadable items are added up. A
 * project that no longer exists (the client's `not-found`, whatever shape Space's 404 had) is skipped; if every
 * project fails, the first real error is thrown so the group can show it.
 */
export async function searchAcrossProjects<T extends { id: string }>(
  projects: readonly string[],
  top: number,
  searchOne: (projectKey: string) => Promise<Pick<Batch<T>, 'items' | 'unreadable'>>,
): Promise<Found<T>> {
  if (projects.length === 0) return { items: [], unreadable: 0 };
  const settled = await Promise.allSettled(projects.map((key) => searchOne(key)));
  const lists: T[][] = [];
  let unreadable = 0;
  let firstError: unknown = null;
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') {
      lists.push(outcome.value.items);
      unreadable += outcome.value.unreadable;
    } else if (isSpaceError(outcome.reason) && outcome.reason.code === 'not-found') lists.push([]);
    else firstError ??= outcome.reason;
  }
  if (firstError !== null && (lists.length === 0 || isCancellation(firstError))) throw firstError;

  const merged: T[] = [];
  const seen = new Set<string>();
  for (let i = 0; merged.length < top && lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item === undefined || seen.has(item.id)) continue;
      seen.add(item.id);
      merged.push(item);
      if (merged.length === top) break;
    }
  }
  return { items: merged, unreadable };
}

function isCancellation(e: unknown): boolean {
  return isSpaceError(e) && e.code === 'cancelled';
}

/** A key that names nothing is an empty result, not an error: the user may still be typing. */
async function orEmptyIfNotFound<T>(pending: Promise<T>): Promise<T[]> {
  try {
    return [await pending];
  } catch (e) {
    if (isSpaceError(e) && e.code === 'not-found') return [];
    throw e;
  }
}
