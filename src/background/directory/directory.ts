/**
 * The local directory (issue 16): people, teams, locations, projects, repositories and chat channels of the
 * connected Space, copied to the browser so the popup and the omnibox answer them on every keystroke without a
 * round trip. This module holds the copy in use (in memory, loaded from the store once per worker life), decides
 * when to sync, and answers searches from it.
 *
 * - Synced on connect; afterwards only when it is used (a search, the popup opening) and older than REFRESH_MS —
 *   no polling, no alarm. 30 minutes: people, teams and channels change a few times a day, the search cache already
 *   shows answers up to 30 minutes old (cache.ts STALE_MS), and a refresh is ~15 requests for 10,000 people, so a
 *   busy user costs Space at most two of them an hour. "Refresh now" in Options syncs at once.
 * - A sync builds a whole new copy beside the one in use (sync.ts) and swaps it in only when complete: one store
 *   write, then the memory copy. Interrupted (worker stopped, server down, Forget) it leaves the old copy in use and
 *   simply starts over next time; a failure waits RETRY_MS before another automatic attempt.
 * - Never written for a private window: a search from one may read the copy but never starts a sync.
 * - The organization can turn it off (`localDirectory`: false, policy.ts): nothing is kept, a copy is deleted.
 * - A search answered from the copy also asks Space when the copy is older than SERVER_AFTER_MS (or lacks the kind):
 *   the copy paints at once, Space's answer adds what it has (engine.ts).
 */
import { DIRECTORY_KINDS, type DirectoryKind, type DirectoryProgress, type DirectoryStatus } from '../../shared/directory.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import type { AppError } from '../../shared/protocol.ts';
import type { ParsedQuery } from '../../shared/query.ts';
import type { Found } from '../../kinds/kind-search.ts';
import { openConnection, type ActiveConnection } from '../active-connection.ts';
import { toAppError } from '../app-error.ts';
import { currentConnectionId } from '../connection-store.ts';
import type { Deps, Platform } from '../platform.ts';
import { readLocalDirectoryAllowed } from '../policy.ts';
import { needle, rank, searchable, type Searchable } from './rank.ts';
import { SCHEMA_VERSION, clearStores, sessionStore, storeFor, type StoredDirectory } from './store.ts';
import { syncAll } from './sync.ts';

export const REFRESH_MS = 30 * 60_000;
/** Older than this, Space is asked too (a copy the user has not refreshed for a day, e.g. a laptop just woken). */
export const SERVER_AFTER_MS = 24 * 60 * 60_000;
export const RETRY_MS = 5 * 60_000;
/** Between two pages of a sync, while searches are asking Space, it waits at most this long for them. */
const YIELD_MAX_MS = 2_000;

interface Row {
  e: Entity;
  s: Searchable;
}

interface Copy {
  connection: string;
  syncedAt: number;
  bytes: number;
  rows: Partial<Record<DirectoryKind, Row[]>>;
}

interface Sync {
  connection: string;
  controller: AbortController;
  progress?: DirectoryProgress;
  done: Promise<void>;
}

// The copy in use; a store read shared by concurrent first searches; the running sync; the last failure.
let copy: Copy | null = null;
let loading: { connection: string; pending: Promise<Copy | null> } | null = null;
let sync: Sync | null = null;
let failure: { connection: string; error: AppError; at: number } | null = null;
/** Bumped by `clearDirectory`: a load or sync started before it stores nothing after it. */
let epoch = 0;
/** Searches asking Space now: a sync lets them go first. */
let searching = 0;

export function isDirectoryKind(kind: EntityKind): kind is DirectoryKind {
  return (DIRECTORY_KINDS as readonly string[]).includes(kind);
}

/** What each kind is found by (rank.ts): names, and extra text only found inside. */
function searchableOf(e: Entity): Searchable {
  switch (e.kind) {
    case 'person': return searchable([e.title, e.username, ...e.emails], e.phones);
    case 'project': return searchable([e.key, e.name], [e.description]);
    case 'repository': return searchable([e.name], [e.projectKey], true);
    case 'channel': return searchable([e.name], [e.description], true);
    case 'location': return searchable([e.name], [e.address ?? '']);
    default: return searchable([e.title], [(e as { description?: string }).description ?? '']);
  }
}

function toCopy(stored: StoredDirectory): Copy {
  const rows: Copy['rows'] = {};
  for (const kind of DIRECTORY_KINDS) {
    const items = stored.kinds[kind];
    if (items) rows[kind] = items.map((e) => ({ e, s: searchableOf(e) }));
  }
  return { connection: stored.connection, syncedAt: stored.syncedAt, bytes: stored.bytes, rows };
}

/**
 * The copy in use for this connection, loaded on first use; null when there is none or the policy forbids it.
 * Starts a refresh in the background when the copy is missing or old (not for a private window).
 */
export async function directoryFor(deps: Deps, conn: ActiveConnection): Promise<Copy | null> {
  if (!(await readLocalDirectoryAllowed(deps.platform))) {
    if (copy || sync) await clearDirectory(deps.platform);
    return null;
  }
  const current = await loadCopy(deps.platform, conn);
  if (!conn.private && needsSync(current, conn.key, deps.now())) startSync(deps, conn);
  return current;
}

async function loadCopy(platform: Platform, conn: ActiveConnection): Promise<Copy | null> {
  if (copy?.connection === conn.key) return copy;
  if (loading?.connection !== conn.key) {
    const at = epoch;
    const pending = storeFor(platform, conn.record.sessionOnly).read(conn.key).catch(() => null).then((stored) => {
      if (at !== epoch || !stored || (copy?.connection === conn.key && copy.syncedAt >= stored.syncedAt)) return copy?.connection === conn.key ? copy : null;
      copy = toCopy(stored);
      return copy;
    });
    loading = { connection: conn.key, pending };
    void pending.finally(() => {
      if (loading?.pending === pending) loading = null;
    });
  }
  return loading.pending;
}

function needsSync(current: Copy | null, connection: string, now: number): boolean {
  if (sync?.connection === connection) return false;
  if (failure?.connection === connection && now - failure.at < RETRY_MS) return false;
  return !current || now - current.syncedAt >= REFRESH_MS;
}

/**
 * The kind's best `top` from the copy, and whether Space should be asked as well; null when the copy can't answer
 * the kind (none, or Space would not list it: the search goes to Space as before).
 */
export function searchCopy(current: Copy | null, kind: DirectoryKind, parsed: ParsedQuery, top: number, now: number): { found: Found<Entity>; server: boolean } | null {
  const rows = current?.rows[kind];
  if (!current || !rows) return null;
  const q = needle(parsed.query);
  let found = rank(q, rows, (r) => r.s, top);
  // A project key typed in capitals names that project first (as the project search's own lookup does).
  const hinted = kind === 'project' && parsed.projectKeyHint !== undefined ? rows.find((r) => r.e.kind === 'project' && r.e.key === parsed.projectKeyHint) : undefined;
  if (hinted) found = [hinted, ...found.filter((r) => r !== hinted)].slice(0, top);
  return { found: { items: found.map((r) => r.e), unreadable: 0 }, server: now - current.syncedAt >= SERVER_AFTER_MS };
}

/** Marks a search asking Space; the returned function ends it. */
export function searchStarted(): () => void {
  searching += 1;
  let ended = false;
  return () => {
    if (!ended) searching -= 1;
    ended = true;
  };
}

async function between(signal: AbortSignal): Promise<void> {
  const until = Date.now() + YIELD_MAX_MS;
  do {
    await new Promise((resolve) => setTimeout(resolve, searching > 0 ? 50 : 0));
  } while (searching > 0 && Date.now() < until && !signal.aborted);
}

/** Starts a sync of this connection's directory unless one is running; never throws. */
export function startSync(deps: Deps, conn: ActiveConnection): Promise<void> {
  if (sync?.connection === conn.key) return sync.done;
  sync?.controller.abort();
  const controller = new AbortController();
  const at = epoch;
  const running: Sync = { connection: conn.key, controller, done: Promise.resolve() };
  running.done = (async () => {
    try {
      const synced = await syncAll(conn.api, {
        signal: controller.signal,
        between: () => between(controller.signal),
        onProgress: (p) => (running.progress = p),
      });
      const kinds: StoredDirectory['kinds'] = {};
      for (const kind of DIRECTORY_KINDS) {
        const items = synced[kind];
        // Paging over a list that changed meanwhile may repeat an item: it is kept once, at its first place.
        if (items) kinds[kind] = [...new Map(items.map((e) => [e.id, e])).values()];
      }
      const stored: StoredDirectory = { v: SCHEMA_VERSION, connection: conn.key, syncedAt: deps.now(), kinds, bytes: 0 };
      stored.bytes = JSON.stringify(kinds).length;
      // Nothing of a connection forgotten or replaced meanwhile, or of a directory the policy turned off.
      if (at !== epoch || (await currentConnectionId(deps.platform)) !== conn.key || !(await readLocalDirectoryAllowed(deps.platform))) return;
      const store = storeFor(deps.platform, conn.record.sessionOnly);
      // Only one place holds a copy: a connection made session-only (by the user or the policy) leaves none on disk.
      await (store.where === 'disk' ? sessionStore(deps.platform).clear() : clearStores(deps.platform));
      // A session-only copy that does not fit storage.session still serves this worker's life from memory.
      await store.write(stored).catch((e: unknown) => {
        if (store.where === 'disk') throw e;
      });
      if (at !== epoch) {
        await clearStores(deps.platform);
        return;
      }
      copy = toCopy(stored);
      if (failure?.connection === conn.key) failure = null;
    } catch (e) {
      if (at === epoch && !controller.signal.aborted) failure = { connection: conn.key, error: toAppError(e), at: deps.now() };
    } finally {
      if (sync === running) sync = null;
    }
  })();
  sync = running;
  return running.done;
}

/** Forget, sign-out, a new connection, the policy: the copy in use, a running sync and every stored copy go. */
export async function clearDirectory(platform: Platform): Promise<void> {
  forgetDirectoryMemory();
  await clearStores(platform);
}

/**
 * Forgets what this worker holds in memory (the copy in use, a running sync, the last failure), as a stopped worker
 * does; the stored copy stays. For tests: module state outlives a test's rig.
 */
export function forgetDirectoryMemory(): void {
  epoch += 1;
  sync?.controller.abort();
  sync = null;
  copy = null;
  loading = null;
  failure = null;
}

/** The popup opened: load the copy before the first keystroke, and refresh it if old. Never throws. */
export async function warmDirectory(deps: Deps, opts: { private: boolean }): Promise<void> {
  try {
    await directoryFor(deps, await openConnection(deps, opts));
  } catch {
    // Not connected: nothing to warm.
  }
}

/** What Options shows; `refresh` starts a sync first. */
export async function directoryStatus(deps: Deps, refresh = false): Promise<DirectoryStatus> {
  const counts = Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, 0])) as DirectoryStatus['counts'];
  const status: DirectoryStatus = { enabled: false, offByPolicy: false, state: 'empty', counts, bytes: 0, syncedAt: null, storage: 'none' };
  if (!(await readLocalDirectoryAllowed(deps.platform))) {
    await clearDirectory(deps.platform);
    return { ...status, offByPolicy: true };
  }
  let conn: ActiveConnection;
  try {
    conn = await openConnection(deps);
  } catch {
    return status;
  }
  const current = await loadCopy(deps.platform, conn);
  if (refresh) void startSync(deps, conn);
  status.enabled = true;
  status.storage = conn.record.sessionOnly || typeof indexedDB === 'undefined' ? 'session' : 'disk';
  if (current) {
    for (const kind of DIRECTORY_KINDS) counts[kind] = current.rows[kind]?.length ?? 0;
    status.bytes = current.bytes;
    status.syncedAt = current.syncedAt;
    status.state = 'ready';
  }
  if (sync?.connection === conn.key) {
    status.state = 'syncing';
    if (sync.progress) status.progress = { ...sync.progress };
  } else if (failure?.connection === conn.key) {
    status.state = 'error';
    status.error = failure.error;
  }
  return status;
}
