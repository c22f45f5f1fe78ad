/**
 * Which projects an issue/review text search covers. Space has no global text search for them, so each
 * project in scope costs one request per search; the scope is therefore small:
 *  - the user's choice in Options (Settings.searchProjects), first MAX_CHOSEN_PROJECTS;
 *  - otherwise their starred projects, topped up with projects they are a member of, MAX_DEFAULT_PROJECTS in
 *    all, cached in storage.session for SCOPE_FRESH_MS.
 * A project key in the query goes first (and is searched even when outside the scope).
 */
import { myProjects, searchProjects } from '../../kinds/project/space.ts';
import { isSpaceError } from '../../space/errors.ts';
import type { ActiveConnection } from '../active-connection.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import { readSettings } from '../settings-store.ts';
import type { Deps } from '../platform.ts';
import { shareInFlight } from './dedupe.ts';

const MAX_CHOSEN_PROJECTS = 8;
const MAX_DEFAULT_PROJECTS = 5;
const SCOPE_FRESH_MS = 10 * 60_000;

/**
 * The scope of one search. Issues and reviews both ask; the stored choice (or the cached default) is read
 * from storage once per search, not once per kind. Fetching the default from Space goes through
 * `shareInFlight`, so each caller's signal only cancels its own wait.
 */
export function scopeLoader(
  deps: Deps,
  conn: ActiveConnection,
  hint?: string,
  { eager = false }: { eager?: boolean } = {},
): (signal: AbortSignal) => Promise<string[]> {
  // Eager: the storage reads overlap the kinds' cache reads instead of following them, so the issue and
  // review requests leave with the others rather than a storage round trip later.
  let stored: Promise<string[] | null> | undefined = eager ? storedScope(deps, conn) : undefined;
  return async (signal) => {
    stored ??= storedScope(deps, conn);
    const base = (await stored) ?? await fetchAndCacheDefault(deps, conn, signal);
    return hint ? [hint, ...base.filter((k) => k !== hint)] : base;
  };
}

const DEFAULT_SCOPE_FRESHNESS = { freshMs: SCOPE_FRESH_MS, staleMs: SCOPE_FRESH_MS };
const defaultScopeKey = (conn: ActiveConnection) => cacheKey(conn.key, 'scope', 'default');

/** The user's choice, else a fresh cached default; null when the default has to be fetched. */
async function storedScope(deps: Deps, conn: ActiveConnection): Promise<string[] | null> {
  const settings = await readSettings(deps.platform);
  if (settings.searchProjects.length > 0) return settings.searchProjects.slice(0, MAX_CHOSEN_PROJECTS);
  const hit = await readCache<string[]>(deps.platform, conn, defaultScopeKey(conn), deps.now(), DEFAULT_SCOPE_FRESHNESS);
  return hit?.fresh ? hit.value : null;
}

function fetchAndCacheDefault(deps: Deps, conn: ActiveConnection, signal: AbortSignal): Promise<string[]> {
  const key = defaultScopeKey(conn);
  return shareInFlight(key, async (shared) => {
    const keys = await fetchDefaultScope(conn, shared);
    await writeCache(deps.platform, conn, key, keys, deps.now());
    return keys;
  }, signal);
}

async function fetchDefaultScope(conn: ActiveConnection, signal: AbortSignal): Promise<string[]> {
  const opts = { signal };
  let starred: string[] = [];
  try {
    starred = (await searchProjects(conn.api, '', { top: MAX_DEFAULT_PROJECTS, starred: true }, opts)).items.map((p) => p.key);
  } catch (e) {
    // Starring is a nicety; an older server that rejects the filter still has member projects.
    if (!isSpaceError(e) || !['unsupported', 'not-found', 'forbidden'].includes(e.code)) throw e;
  }
  if (starred.length >= MAX_DEFAULT_PROJECTS) return starred.slice(0, MAX_DEFAULT_PROJECTS);
  const member = (await myProjects(conn.api, { top: MAX_DEFAULT_PROJECTS }, opts)).items.map((p) => p.key);
  return [...new Set([...starred, ...member])].slice(0, MAX_DEFAULT_PROJECTS);
}
