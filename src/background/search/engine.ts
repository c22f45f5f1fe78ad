/**
 * One search over several kinds, shared by the lookup port and the omnibox.
 *
 * Every kind runs in parallel and reports through `onGroup` as soon as it has something: a cached answer
 * at once (fresh → that's all; stale → the fresh answer follows), a fresh answer when Space replies. A slow
 * kind never holds back the others. Failures stay inside their kind, except a 401, which fails the whole
 * search (the token is dead for every kind) and is recorded for the badge.
 *
 * The directory kinds (people, teams, locations, projects, repositories, channels) are answered from the local
 * directory first, before anything else and without waiting (src/background/directory/): that is all unless the
 * copy is old or lacks the kind, when Space is asked too and its answer adds rows after the copy's, which keep
 * their places. Requests to Space leave only after SERVER_DEBOUNCE_MS without a newer search (the popup sends every
 * keystroke; a newer search aborts this one): the debounce lives here, where the local answers need none.
 */
import type { AppError, AppErrorCode, GroupState, ResultGroup } from '../../shared/protocol.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import { queryCacheKey, type ParsedQuery } from '../../shared/query.ts';
import { isSpaceError } from '../../space/errors.ts';
import type { Found } from '../../kinds/kind-search.ts';
import { needsProjectScope } from '../../kinds/project-scoped.ts';
import { kindSearch } from '../../kinds/search-registry.ts';
import { credentialError, noteAuthRejected, type ActiveConnection } from '../active-connection.ts';
import { toAppError } from '../app-error.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import { directoryFor, isDirectoryKind, searchCopy, searchStarted } from '../directory/directory.ts';
import type { Deps } from '../platform.ts';
import { sleep } from '../../space/backoff.ts';
import { shareInFlight } from './dedupe.ts';
import { scopeLoader } from './scope.ts';

/** Results per kind: the popup shows a handful per group. */
const TOP_PER_KIND = 6;
/** Quiet time before a search asks Space: typing "alice" sends one request per kind, not five. */
export const SERVER_DEBOUNCE_MS = 150;

/** Failures a retry would only repeat: they replace a stale answer. Space refusing our request (400) is one. */
const LASTING_FAILURES: ReadonlySet<AppErrorCode> = new Set([
  'forbidden', 'unsupported', 'not-found', 'invalid-request', 'bad-request',
]);

export interface SearchOutcome {
  /** Where each kind ended: its last group (a cached one that a failed refresh left standing included). A kind cut short has none. */
  groups: ResultGroup[];
  /** Set when the token was rejected: the refusal that ended the whole search. */
  refusal?: AppError;
}

/** What every kind of one search shares. */
interface KindRun {
  deps: Deps;
  conn: ActiveConnection;
  parsed: ParsedQuery;
  scope: (signal: AbortSignal) => Promise<string[]>;
  signal: AbortSignal;
  onGroup: (group: ResultGroup) => void;
  /** Space refused the credentials: the whole search fails (first caller wins). */
  refuse: (error: AppError) => Promise<void>;
  /** Resolves true after the debounce, false when the search was cancelled meanwhile (shared by the kinds). */
  quiet: () => Promise<boolean>;
}

export async function searchKinds(
  deps: Deps,
  conn: ActiveConnection,
  parsed: ParsedQuery,
  kinds: readonly EntityKind[],
  signal: AbortSignal,
  onGroup: (group: ResultGroup) => void,
  opts: { debounce: boolean },
): Promise<SearchOutcome> {
  // A 401 in one kind stops the others: their answers could only be 401s too.
  const local = new AbortController();
  const stop = () => local.abort();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) local.abort();
  let refusal: AppError | undefined;
  const eager = needsProjectScope(parsed) && kinds.some((k) => kindSearch(k).projectScoped === true);
  let quiet: Promise<boolean> | undefined;
  const run: KindRun = {
    // Only a keystroke waits (SearchMessage.typing): a query given whole asks Space at once.
    quiet: () => (quiet ??= opts.debounce
      ? sleep(SERVER_DEBOUNCE_MS, local.signal).then(() => true, () => false)
      : Promise.resolve(!local.signal.aborted)),
    deps, conn, parsed, onGroup,
    scope: scopeLoader(deps, conn, parsed.projectKeyHint, { eager }),
    signal: local.signal,
    refuse: async (error) => {
      if (refusal) return;
      refusal = error;
      local.abort();
      await noteAuthRejected(deps.platform, conn.record);
    },
  };

  // The local directory loads once per worker life (and may start a background refresh).
  const copy = kinds.some(isDirectoryKind) ? await directoryFor(deps, conn).catch(() => null) : null;
  const asking = searchStarted();
  try {
    const ends = await Promise.all(kinds.map((kind) => {
      const local = isDirectoryKind(kind) && !signal.aborted ? searchCopy(copy, kind, parsed, TOP_PER_KIND, deps.now()) : null;
      if (!local) return searchOneKind(run, kind, null);
      // Posted now, in this same turn: every directory group is painted before any other kind's.
      const group: ResultGroup = { ...okGroup(kind, local.found, false), local: true };
      onGroup(group);
      return local.server ? searchOneKind(run, kind, local.found.items).then((g) => g ?? group) : group;
    }));
    const groups = ends.filter((g): g is ResultGroup => g !== null);
    return refusal ? { groups, refusal } : { groups };
  } finally {
    asking();
    signal.removeEventListener('abort', stop);
  }
}

/**
 * The kind's last group, or null when it was cut short (cancelled, or the credentials were refused) — or, with
 * `local` (the directory's rows, already posted), when Space failed: those rows stand.
 */
async function searchOneKind(run: KindRun, kind: EntityKind, local: Entity[] | null): Promise<ResultGroup | null> {
  const { deps, conn, parsed, signal } = run;
  const key = cacheKey(conn.key, kind, queryCacheKey(parsed));
  const search = kindSearch(kind);
  const post = (group: ResultGroup) => {
    run.onGroup(group);
    return group;
  };
  let stale: ResultGroup | null = null;
  // Rows painted from the directory are not replaced by a cached answer: only Space's adds to them.
  try {
    const hit = local ? null : await readCache<unknown>(deps.platform, conn, key, deps.now());
    if (signal.aborted) return null;
    const found = hit ? cachedFound(hit.value) : null;
    if (hit && found) {
      const cached = post(okGroup(kind, found, true));
      if (hit.fresh) return cached;
      stale = cached;
    }
  } catch {
    // An unreadable cache is a miss.
  }
  if (!(await run.quiet())) return null;
  try {
    const found = await shareInFlight(key, (shared) => search.search(conn.api, parsed, {
      signal: shared,
      top: TOP_PER_KIND,
      scopeProjects: () => run.scope(shared),
    }) as Promise<Found<Entity>>, signal);
    if (signal.aborted) return null;
    const fresh = post(okGroup(kind, local ? { items: keepingOrder(local, found.items), unreadable: found.unreadable } : found, false));
    // Written after posting (the group must not wait for storage) but before this kind counts as finished,
    // so a repeat right after `done` finds it. A failed write only costs a later request. The unreadable count
    // is kept with the items, so a cached answer says the same as the fresh one did.
    await writeCache<Found<Entity>>(deps.platform, conn, key, { items: found.items, unreadable: found.unreadable, ...(found.project ? { project: found.project } : {}) }, deps.now())
      .catch(() => undefined);
    return fresh;
  } catch (e) {
    if (signal.aborted || (isSpaceError(e) && e.code === 'cancelled')) return null;
    const error = toAppError(e);
    const refused = credentialError(conn, error);
    if (refused) {
      await run.refuse(refused);
      return null;
    }
    if (local) return null;
    // Served stale and the refresh failed for a passing reason (network, server, rate limit): the stale answer
    // stands. A lasting reason (permission withdrawn, endpoint gone) replaces it.
    if (stale !== null && !LASTING_FAILURES.has(error.code)) return stale;
    // The quiet "not available on this server" note: the client's 'unsupported' (no such endpoint), and a
    // `not-found` here too. A search names no entity that could be missing — keys, hinted projects and the
    // projects of an issue/review search turn their own not-found into "nothing" before this point — so a
    // search endpoint answering not-found is itself missing [I: what a real server without the endpoint sends
    // is unknown; both SDKs only say every 404 is not-found, space-api.md §12 [C]]. 'invalid-request' (Space
    // refused our request, 400) is an error the user sees as such.
    const state: GroupState = error.code === 'unsupported' || error.code === 'not-found' ? 'unsupported' : 'error';
    if (error.code === 'forbidden' && error.permission === undefined) error.permission = search.permission;
    return post({ kind, state, items: [], cached: false, error });
  }
}

/**
 * Space's answer added to rows already shown: each shown row keeps its place (refreshed by Space's copy of the same
 * item), what Space found besides comes after them. A row never jumps when a slower answer arrives.
 */
export function keepingOrder(shown: readonly Entity[], fresh: readonly Entity[]): Entity[] {
  const byId = new Map(fresh.map((e) => [e.id, e]));
  const kept = shown.map((e) => byId.get(e.id) ?? e);
  const ids = new Set(shown.map((e) => e.id));
  return [...kept, ...fresh.filter((e) => !ids.has(e.id))];
}

/** An answered kind; `unreadable` only when Space sent items that could not be read. */
function okGroup(kind: EntityKind, found: Found<Entity>, cached: boolean): ResultGroup {
  const group: ResultGroup = { kind, state: 'ok', items: found.items, cached };
  if (found.unreadable > 0) group.unreadable = found.unreadable;
  if (found.project !== undefined) group.project = found.project;
  return group;
}

/** A cached search answer (`{items, unreadable}`); anything else is a miss. */
function cachedFound(value: unknown): Found<Entity> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { items, unreadable, project } = value as Partial<Found<Entity>>;
  if (!Array.isArray(items)) return null;
  const found: Found<Entity> = { items, unreadable: typeof unreadable === 'number' && Number.isSafeInteger(unreadable) && unreadable > 0 ? unreadable : 0 };
  if (typeof project === 'string') found.project = project;
  return found;
}
