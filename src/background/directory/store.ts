/**
 * Where the local directory's copy is kept, one record per connection (keyed by its id), written whole:
 *  - on disk, in the extension's IndexedDB (database `directory`, store `copies`): the worker and Firefox's event
 *    page both have it, it holds megabytes without the JSON round trip of `storage.local`, and a record is
 *    replaced in one transaction, so a reader sees the old copy or the new one, never half of either;
 *  - for a session-only connection, in `storage.session` (memory, gone with the browser session) — and where a
 *    browser has no IndexedDB (the unit tests' fake) too.
 * A record of another schema version, another connection, or an unreadable one reads as none: the next sync
 * rebuilds it. Nothing here throws at a caller who only reads: a broken store is an empty directory.
 */
import { DIRECTORY_KINDS, type DirectoryKind } from '../../shared/directory.ts';
import type { Entity } from '../../shared/kinds.ts';
import type { Platform } from '../platform.ts';

/** Ours: raised whenever what a record holds changes shape (an entity field, a kind). A mismatch is rebuilt. */
export const SCHEMA_VERSION = 1;
export const SESSION_KEY = 'directory';
const DB = 'directory';
const STORE = 'copies';

export interface StoredDirectory {
  v: number;
  connection: string;
  /** Epoch ms when the sync that made it completed. */
  syncedAt: number;
  /** Each kind's items; a kind Space would not list is absent. */
  kinds: Partial<Record<DirectoryKind, Entity[]>>;
  /** Its JSON size, for Options. */
  bytes: number;
}

export interface DirectoryStore {
  readonly where: 'disk' | 'session';
  read(connection: string): Promise<StoredDirectory | null>;
  /** Replaces every copy by this one. */
  write(copy: StoredDirectory): Promise<void>;
  clear(): Promise<void>;
}

/** The store for a connection: session-only ones never touch the disk. */
export function storeFor(platform: Platform, sessionOnly: boolean): DirectoryStore {
  return sessionOnly || typeof indexedDB === 'undefined' ? sessionStore(platform) : idbStore();
}

/** Every copy, wherever: Forget, sign-out, a new connection, the policy turning the directory off. */
export async function clearStores(platform: Platform): Promise<void> {
  await Promise.all([sessionStore(platform).clear(), typeof indexedDB === 'undefined' ? null : idbStore().clear()]);
}

export function sessionStore(platform: Platform): DirectoryStore {
  const area = platform.storage.session;
  return {
    where: 'session',
    read: async (connection) => validCopy((await area.get(SESSION_KEY))[SESSION_KEY], connection),
    write: (copy) => area.set({ [SESSION_KEY]: copy }),
    clear: () => area.remove(SESSION_KEY),
  };
}

export function idbStore(factory: IDBFactory = indexedDB): DirectoryStore {
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> => {
    const open = factory.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    const db = await done(open);
    try {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      });
      return request?.result;
    } finally {
      db.close();
    }
  };
  return {
    where: 'disk',
    read: async (connection) => validCopy(await run('readonly', (s) => s.get(connection)), connection),
    write: async (copy) => {
      await run('readwrite', (s) => {
        s.clear();
        s.put(copy, copy.connection);
      });
    },
    clear: async () => {
      try {
        await run('readwrite', (s) => {
          s.clear();
        });
      } catch {
        // A database we can't open (a newer version after a downgrade, corrupt): gone entirely.
        await done(factory.deleteDatabase(DB)).catch(() => undefined);
      }
    },
  };
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('failed'));
  });
}

/** The record if it is a copy of this schema for this connection; items that don't look like rows are dropped. */
export function validCopy(value: unknown, connection: string): StoredDirectory | null {
  if (typeof value !== 'object' || value === null) return null;
  const copy = value as Partial<StoredDirectory>;
  if (copy.v !== SCHEMA_VERSION || copy.connection !== connection || typeof copy.syncedAt !== 'number' || typeof copy.kinds !== 'object' || copy.kinds === null) return null;
  const kinds: StoredDirectory['kinds'] = {};
  for (const kind of DIRECTORY_KINDS) {
    const items: unknown = copy.kinds[kind];
    if (!Array.isArray(items)) continue;
    kinds[kind] = items.filter((e: Partial<Entity> | null) => e?.kind === kind && typeof e.id === 'string' && typeof e.title === 'string' && typeof e.webUrl === 'string') as Entity[];
  }
  return { v: SCHEMA_VERSION, connection, syncedAt: copy.syncedAt, kinds, bytes: typeof copy.bytes === 'number' ? copy.bytes : 0 };
}
