/**
 * One search over several kinds, shared by the lookup port and the omnibox.
 *
 * Every kind runs in parallel and reports through `onGroup` as soon as it has something: a cached answer
 * at once (fresh → that's all; stale → the fresh answer follows), a fresh answer when Space replies. A slow
 * kind never holds back the others. Failures stay inside their kind, except a 401, which fails the whole
 * search (the token is dead for every kind) and is recorded for the badge.
 */
import type { AppError, AppErrorCode, Entity, EntityKind, GroupState } from '../../shared/protocol.ts';
import { queryCacheKey, type ParsedQuery } from '../../shared/query.ts';
import { isSpaceError } from '../../space/errors.ts';
import { needsProjectScope } from '../../kinds/project-scoped.ts';
import { kindSearch } from '../../kinds/search-registry.ts';
import { noteAuthRejected, type ActiveConnection } from '../active-connection.ts';
import { toAppError } from '../app-error.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import type { Deps } from '../platform.ts';
import { shareInFlight } from './dedupe.ts';
import { scopeLoader } from './scope.ts';

/** Results per kind: the popup shows a handful per group. */
export const TOP_PER_KIND = 6;

/** Failures a retry would only repeat: they replace a stale answer. Space refusing our request (400) is one. */
const LASTING_FAILURES: ReadonlySet<AppErrorCode> = new Set([
  'forbidden', 'unsupported', 'not-found', 'invalid-request', 'bad-request',
]);

export interface GroupUpdate {
  kind: EntityKind;
  state: GroupState;
  items: Entity[];
  cached: boolean;
  error?: AppError;
}

export type KindOutcome =
  | { kind: EntityKind; state: GroupState; items: Entity[]; error?: AppError }
  | { kind: EntityKind; state: 'cancelled' }
  | { kind: EntityKind; state: 'unauthorized'; error: AppError };

export interface SearchOutcome {
  outcomes: KindOutcome[];
  /** Set when the token was rejected: the whole search failed. */
  failure?: AppError;
}

export async function searchKinds(
  deps: Deps,
  conn: ActiveConnection,
  query: ParsedQuery,
  kinds: readonly EntityKind[],
  signal: AbortSignal,
  onGroup: (update: GroupUpdate) => void,
): Promise<SearchOutcome> {
  // A 401 in one kind stops the others: their answers could only be 401s too.
  const local = new AbortController();
  const stop = () => local.abort();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) local.abort();
  let failure: AppError | undefined;
  const eager = needsProjectScope(query) && kinds.some((k) => kindSearch(k).projectScoped === true);
  const scope = scopeLoader(deps, conn, query.projectKeyHint, { eager });

  try {
    const outcomes = await Promise.all(kinds.map(async (kind) => {
      const outcome = await searchOneKind(deps, conn, query, kind, scope, local.signal, onGroup);
      if (outcome.state === 'unauthorized' && !failure) {
        failure = outcome.error;
        local.abort();
        await noteAuthRejected(deps.platform, conn.record);
      }
      return outcome;
    }));
    return failure ? { outcomes, failure } : { outcomes };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function searchOneKind(
  deps: Deps,
  conn: ActiveConnection,
  query: ParsedQuery,
  kind: EntityKind,
  scope: (signal: AbortSignal) => Promise<string[]>,
  signal: AbortSignal,
  onGroup: (update: GroupUpdate) => void,
): Promise<KindOutcome> {
  const key = cacheKey(conn.key, kind, queryCacheKey(query));
  const search = kindSearch(kind);
  let stale: Entity[] | null = null;

  try {
    const hit = await readCache<Entity[]>(deps.platform, conn, key, deps.now());
    if (signal.aborted) return { kind, state: 'cancelled' };
    if (hit) {
      onGroup({ kind, state: 'ok', items: hit.value, cached: true });
      if (hit.fresh) return { kind, state: 'ok', items: hit.value };
      stale = hit.value;
    }
  } catch {
    // An unreadable cache is a miss.
  }

  try {
    const items = await shareInFlight(key, (shared) => search.search(conn.api, query, {
      signal: shared,
      top: TOP_PER_KIND,
      scopeProjects: () => scope(shared),
    }) as Promise<Entity[]>, signal);
    if (signal.aborted) return { kind, state: 'cancelled' };
    onGroup({ kind, state: 'ok', items, cached: false });
    // Written after posting (the group must not wait for storage) but before this kind counts as finished,
    // so a repeat right after `done` finds it. A failed write only costs a later request.
    await writeCache(deps.platform, conn, key, items, deps.now()).catch(() => undefined);
    return { kind, state: 'ok', items };
  } catch (e) {
    if (signal.aborted || (isSpaceError(e) && e.code === 'cancelled')) return { kind, state: 'cancelled' };
    const error = toAppError(e);
    if (error.code === 'unauthorized') return { kind, state: 'unauthorized', error };
    // Served stale and the refresh failed for a passing reason (network, server, rate limit): the stale answer
    // stands. A lasting reason (permission withdrawn, endpoint gone) replaces it.
    if (stale !== null && !LASTING_FAILURES.has(error.code)) return { kind, state: 'ok', items: stale };
    // The quiet "not available on this server" note: the client's 'unsupported' (no such endpoint), and a
    // `not-found` here too. A search names no entity that could be missing — keys, hinted projects and the
    // projects of an issue/review search turn their own not-found into "nothing" before this point — so a
    // search endpoint answering not-found is itself missing [I: what a real server without the endpoint sends
    // is unknown; both SDKs only say every 404 is not-found, space-api.md §12 [C]]. 'invalid-request' (Space
    // refused our request, 400) is a failure the user sees as such.
    const state: GroupState = error.code === 'unsupported' || error.code === 'not-found' ? 'unsupported' : 'error';
    if (error.code === 'forbidden' && error.permission === undefined) error.permission = search.permission;
    onGroup({ kind, state, items: [], cached: false, error });
    return { kind, state, items: [], error };
  }
}
