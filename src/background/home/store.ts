/**
 * The worker's side of the home lists (src/shared/home.ts): the only writer of Recent, Pinned and Waiting for you.
 *
 * Where: storage.local, or storage.session when the connection is session-only (nothing of it reaches the disk);
 * a write removes the key from the other area, so a connection made session-only since leaves nothing behind.
 *
 * The rules of every write, as for the caches (cache.ts):
 *  - One queue: each update reads, changes and writes its list inside it, so a Recent and a Pinned update (or two
 *    of either) never lose each other, and `clearHomeLists` runs in turn with them.
 *  - Generation: right before writing, inside the queue, the list's connection id is compared with the stored
 *    connection's; a write racing a Forget or a new connection writes nothing (or is cleared by the clear queued
 *    after it).
 *  - Never for a private window.
 * The queue is memory only and holds nothing that matters: a stopped worker loses updates that had not started.
 */
import {
  HOME_KEYS, PINNED_KEY, RECENT_KEY, WAITING_KEY, type PinnedList, type RecentList, type WaitingList,
} from '../../shared/home.ts';
import { parsePinned, parseRecent, parseWaiting } from '../../shared/home-parse.ts';
import { currentConnectionId, readConnection, type ConnectionRecord } from '../connection-store.ts';
import type { Platform, StorageAreaLike } from '../platform.ts';

export interface HomeLists {
  [RECENT_KEY]: RecentList;
  [PINNED_KEY]: PinnedList;
  [WAITING_KEY]: WaitingList;
}
export type HomeKey = keyof HomeLists;

/** Whose list: the connection's id (`ConnectionRecord.id`) and whether the request came from a private window. */
export interface HomeOwner {
  key: string;
  private: boolean;
}

const PARSERS: { [K in HomeKey]: (value: unknown, connection: string, origin: string | null) => HomeLists[K] | null } = {
  [RECENT_KEY]: parseRecent,
  [PINNED_KEY]: parsePinned,
  [WAITING_KEY]: parseWaiting,
};

let queue: Promise<unknown> = Promise.resolve();

function queued<T>(op: () => Promise<T>): Promise<T> {
  const run = queue.then(op, op);
  queue = run.catch(() => undefined);
  return run;
}

/** Resolves when every home-list update queued so far has run (tests). */
export function homeWritesSettled(): Promise<void> {
  return queue.then(() => undefined);
}

const areas = (platform: Platform, record: ConnectionRecord): [StorageAreaLike, StorageAreaLike] =>
  record.sessionOnly ? [platform.storage.session, platform.storage.local] : [platform.storage.local, platform.storage.session];

/** The stored connection's list `key` (its own area first, then the other one), malformed entries dropped. */
async function readFor<K extends HomeKey>(platform: Platform, record: ConnectionRecord, key: K): Promise<HomeLists[K] | null> {
  for (const area of areas(platform, record)) {
    const list = PARSERS[key]((await area.get(key))[key], record.id, record.origin);
    if (list) return list;
  }
  return null;
}

/** The list `key` of connection `owner.key`, if that is still the stored connection (null otherwise, or when none). */
export async function readHomeList<K extends HomeKey>(platform: Platform, owner: HomeOwner, key: K): Promise<HomeLists[K] | null> {
  const { record } = await readConnection(platform);
  return record?.id === owner.key ? readFor(platform, record, key) : null;
}

/**
 * Reads, changes and writes one list, in the queue. `change` gets the current list (null: none yet) and returns the
 * new one, or null to write nothing; it may throw (nothing is written). Nothing is written for a private request,
 * nor when `owner.key` is no longer the stored connection's id. Resolves to the list written, else null.
 */
export function updateHomeList<K extends HomeKey>(
  platform: Platform,
  owner: HomeOwner,
  key: K,
  change: (current: HomeLists[K] | null) => HomeLists[K] | null,
): Promise<HomeLists[K] | null> {
  if (owner.private) return Promise.resolve(null);
  return queued(async () => {
    const { record } = await readConnection(platform);
    if (!record || record.id !== owner.key) return null;
    const next = change(await readFor(platform, record, key));
    if (!next || (await currentConnectionId(platform)) !== owner.key) return null;
    const [own, other] = areas(platform, record);
    await own.set({ [key]: { ...next, connection: owner.key } });
    await other.remove(key);
    return next;
  });
}

/** Forget / Sign out / connecting: all three lists, both areas, in turn with the updates. */
export function clearHomeLists(platform: Platform): Promise<void> {
  return queued(async () => {
    const keys = [...HOME_KEYS];
    const results = await Promise.allSettled([platform.storage.local.remove(keys), platform.storage.session.remove(keys)]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
}
