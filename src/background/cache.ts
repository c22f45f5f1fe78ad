/**
 * Stale-while-revalidate cache of Space data in `storage.session` (memory only, gone with the browser
 * session, readable by our pages only). Keys name the connection by its random id, so another connection
 * never sees these results; connecting or forgetting a token clears everything anyway.
 *
 * Layout in storage.session:
 *   `cache:<connection id>|<kind>|<normalized query>`  CacheEntry  (one key per entry; also `|scope|default`
 *                                                      for the default issue/review projects and `|avatar|<id>`)
 *   `cacheIndex`                                       { [entryKey]: storedAt } — for eviction
 *   `lastView`                                         LastView (src/shared/last-view.ts)
 * Each write stores the entries and the updated index in one `set` call, so they cannot drift apart.
 *
 * Two rules hold for every write, here and nowhere else:
 *  - Generation: right before storing, the writer's connection id is compared with the stored one; a search
 *    that was in flight when its connection was forgotten or replaced writes nothing. Writes and
 *    `clearAllCaches` run one after another, so a write checked just before a Forget is cleared by it.
 *  - Private windows: a request from an incognito window neither reads nor writes anything here.
 */
import type { LastView } from '../shared/last-view.ts';
import { currentConnectionId } from './connection-store.ts';
import type { Platform } from './platform.ts';
import { LAST_VIEW_KEY } from '../shared/storage-keys.ts';

export const CACHE_PREFIX = 'cache:';
export const CACHE_INDEX_KEY = 'cacheIndex';
/** A repeat within this window is served from cache alone: zero requests. */
export const FRESH_MS = 2 * 60_000;
/** Up to this age an entry is shown at once and refreshed behind it; older entries are dropped. */
export const STALE_MS = 30 * 60_000;
export const MAX_ENTRIES = 200;

export interface CacheEntry<T> {
  value: T;
  storedAt: number;
}

export interface CacheHit<T> {
  value: T;
  fresh: boolean;
}

export interface Freshness {
  freshMs: number;
  staleMs: number;
}

const SEARCH_FRESHNESS: Freshness = { freshMs: FRESH_MS, staleMs: STALE_MS };

/** Whose data: the connection's id, and whether the request came from a private window. */
export interface CacheOwner {
  /** `ConnectionRecord.id` */
  key: string;
  /** From an incognito window: nothing is read from or written to the cache or the last view. */
  private: boolean;
}

export function cacheKey(connection: string, kind: string, query: string): string {
  return `${CACHE_PREFIX}${connection}|${kind}|${query}`;
}

export async function readCache<T>(
  platform: Platform,
  owner: CacheOwner,
  key: string,
  now: number,
  freshness: Freshness = SEARCH_FRESHNESS,
): Promise<CacheHit<T> | null> {
  if (owner.private) return null;
  const got = await platform.storage.session.get(key);
  const entry = got[key] as CacheEntry<T> | undefined;
  if (!entry || typeof entry.storedAt !== 'number') return null;
  const age = now - entry.storedAt;
  // A clock that jumped backwards makes the entry suspicious: treat it as stale, not fresh.
  if (age > freshness.staleMs) return null;
  return { value: entry.value, fresh: age >= 0 && age <= freshness.freshMs };
}

// Writes that arrive while one is in progress are batched: the kinds of one search finish within a few
// milliseconds of each other, and each write would otherwise read and rewrite the index on its own. Batches
// run one after another so no index update is lost. The queue is only an ordering aid: losing it when the
// worker stops loses nothing but cache entries.
interface PendingEntry {
  owner: string;
  entry: CacheEntry<unknown>;
}

let pending: Record<string, PendingEntry> | null = null;
let batch: Promise<void> | null = null;
let writes: Promise<void> = Promise.resolve();

/** Resolves when every cache / last-view write queued so far has run (tests). */
export function writesSettled(): Promise<void> {
  return writes;
}

/** Runs `run` after every write queued before it. */
function enqueue(run: () => Promise<void>): Promise<void> {
  const next = writes.then(run, run);
  writes = next.catch(() => undefined);
  return next;
}

export function writeCache<T>(platform: Platform, owner: CacheOwner, key: string, value: T, now: number): Promise<void> {
  if (owner.private) return Promise.resolve();
  const item: PendingEntry = { owner: owner.key, entry: { value, storedAt: now } };
  if (pending && batch) {
    pending[key] = item;
    return batch;
  }
  const queued: Record<string, PendingEntry> = { [key]: item };
  pending = queued;
  const run = async () => {
    pending = null; // Entries arriving from here on go into the next batch.
    const current = await currentConnectionId(platform);
    const entries: Record<string, CacheEntry<unknown>> = {};
    for (const [k, p] of Object.entries(queued)) if (p.owner === current) entries[k] = p.entry;
    if (Object.keys(entries).length === 0) return;
    const got = await platform.storage.session.get(CACHE_INDEX_KEY);
    const index = { ...(got[CACHE_INDEX_KEY] as Record<string, number> | undefined) };
    for (const [k, entry] of Object.entries(entries)) index[k] = entry.storedAt;
    const evicted = evict(index, Math.max(...Object.values(entries).map((e) => e.storedAt)));
    await platform.storage.session.set({ ...entries, [CACHE_INDEX_KEY]: index });
    if (evicted.length > 0) await platform.storage.session.remove(evicted);
  };
  const next = enqueue(run);
  batch = next;
  return next;
}

/**
 * What the popup showed, for its next first frame: written in turn with the cache writes, under the same two
 * rules (its connection still the stored one; not from a private window).
 */
export function writeLastView(platform: Platform, owner: CacheOwner, view: LastView): Promise<void> {
  if (owner.private || view.connection !== owner.key) return Promise.resolve();
  return enqueue(async () => {
    if ((await currentConnectionId(platform)) !== owner.key) return;
    await platform.storage.session.set({ [LAST_VIEW_KEY]: view });
  });
}

/** Drops expired entries, then the oldest beyond MAX_ENTRIES; mutates `index`, returns the removed keys. */
function evict(index: Record<string, number>, now: number): string[] {
  const removed: string[] = [];
  for (const [k, at] of Object.entries(index)) {
    if (typeof at !== 'number' || now - at > STALE_MS) {
      removed.push(k);
      delete index[k];
    }
  }
  const keys = Object.keys(index);
  if (keys.length > MAX_ENTRIES) {
    keys.sort((a, b) => (index[a] ?? 0) - (index[b] ?? 0));
    for (const k of keys.slice(0, keys.length - MAX_ENTRIES)) {
      removed.push(k);
      delete index[k];
    }
  }
  return removed;
}

/** Replace/Forget token: every cache entry (found by prefix, so orphans go too), the index and LastView. */
export async function clearAllCaches(platform: Platform): Promise<void> {
  await enqueue(async () => {
    const all = await platform.storage.session.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(CACHE_PREFIX));
    await platform.storage.session.remove([...keys, CACHE_INDEX_KEY, LAST_VIEW_KEY]);
  });
}
