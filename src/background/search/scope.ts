/**
 * Which projects an issue/review text search covers. Space has no global text search for them, so each
 * project in scope costs one request per search; the scope is therefore small:
 *  - the user's choice in Options (Settings.searchProjects), first MAX_CHOSEN_PROJECTS;
 *  - otherwise their starred projects, topped up with projects they are a member of, MAX_DEFAULT_PROJECTS in
 *    all, cached in storage.session for SCOPE_FRESH_MS.
 * A project key in the query goes first (and is searched even when outside the scope).
 */
import { isSpaceError } from '../../space/errors.ts';
import type { ActiveConnection } from '../active-connection.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import { readSettings } from '../connection-store.ts';
import type { Deps } from '../platform.ts';
import { shareInFlight } from './dedupe.ts';

export const MAX_CHOSEN_PROJECTS = 8;
export const MAX_DEFAULT_PROJECTS = 5;
export const SCOPE_FRESH_MS = 10 * 60_000;

export async function scopeProjects(
  deps: Deps,
  conn: ActiveConnection,
  signal: AbortSignal,
  hint?: string,
): Promise<string[]> {
  const settings = await readSettings(deps.platform);
  const base = settings.searchProjects.length > 0
    ? settings.searchProjects.slice(0, MAX_CHOSEN_PROJECTS)
    : await defaultScope(deps, conn, signal);
  return hint ? [hint, ...base.filter((k) => k !== hint)] : base;
}

async function defaultScope(deps: Deps, conn: ActiveConnection, signal: AbortSignal): Promise<string[]> {
  const key = cacheKey(conn.key, 'scope', 'default');
  const freshness = { freshMs: SCOPE_FRESH_MS, staleMs: SCOPE_FRESH_MS };
  const hit = await readCache<string[]>(deps.platform, key, deps.now(), freshness);
  if (hit?.fresh) return hit.value;
  return shareInFlight(key, async (shared) => {
    const keys = await fetchDefaultScope(conn, shared);
    await writeCache(deps.platform, key, keys, deps.now());
    return keys;
  }, signal);
}

async function fetchDefaultScope(conn: ActiveConnection, signal: AbortSignal): Promise<string[]> {
  const opts = { signal };
  let starred: string[] = [];
  try {
    starred = (await conn.api.searchProjects('', { top: MAX_DEFAULT_PROJECTS, starred: true }, opts)).items.map((p) => p.key);
  } catch (e) {
    // Starring is a nicety; an older server that rejects the filter still has member projects.
    if (!isSpaceError(e) || !['unsupported', 'not-found', 'forbidden'].includes(e.code)) throw e;
  }
  if (starred.length >= MAX_DEFAULT_PROJECTS) return starred.slice(0, MAX_DEFAULT_PROJECTS);
  const member = (await conn.api.myProjects({ top: MAX_DEFAULT_PROJECTS }, opts)).items.map((p) => p.key);
  return [...new Set([...starred, ...member])].slice(0, MAX_DEFAULT_PROJECTS);
}
