/**
 * Where the connection lives. The worker is the only reader of the token.
 *
 * storage.local
 *   `token`       the personal token (normal mode) — the only key that ever holds it
 *   `connection`  ConnectionRecord: id, origin, identity, lastVerified, auth, sessionOnly, tokenLast4
 * storage.session
 *   `token`       the personal token in session-only mode (gone after a browser restart)
 *
 * Never the sync storage area: it is replicated to every browser signed in to the same account.
 *
 * In session-only mode the metadata stays in storage.local, so after a restart the status says "not
 * configured" but still knows the origin, and Options can prefill it — and offers Forget for what is left.
 *
 * Settings (the search scope) live apart, in settings-store.ts.
 */
import { CONNECTION_KEY, connectionIdOf } from '../shared/last-view.ts';
import type { AuthState, ConnectionStatus } from '../shared/protocol.ts';
import type { Person } from '../space/types.ts';
import { hasHostPermission } from './host-permission.ts';
import type { Platform, StorageAreaLike } from './platform.ts';
import { hasStoredScope } from './settings-store.ts';

export { CONNECTION_KEY };
export const TOKEN_KEY = 'token';

/** Persisted auth state; 'no-host-permission' is never stored, it is checked live. */
export type StoredAuth = 'ok' | 'rejected';

export interface ConnectionRecord {
  origin: string;
  identity: { name: string; username: string } | null;
  lastVerified: number | null;
  auth: StoredAuth;
  sessionOnly: boolean;
  tokenLast4: string | null;
  /**
   * Random, made each time a connection is saved (`newConnectionId`): names this connection in cache keys and
   * `LastView.connection`, and is the generation every cache and last-view write is checked against. Nothing
   * of it is derived from the token.
   */
  id: string;
}

export interface StoredConnection {
  record: ConnectionRecord | null;
  /** Null when absent (never saved, forgotten, or a session-only token lost to a restart). */
  token: string | null;
}

/** What the options page shows as "Connected as <name> (@username)". */
export function identityOf(me: Person): { name: string; username: string } {
  const name = me.title || `${me.firstName} ${me.lastName}`.trim() || me.username;
  return { name, username: me.username };
}

/** 128 random bits, hex: the id of a connection being saved. */
export function newConnectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Only long tokens show their tail: for a short (surely bogus) token four characters would be a large part
 * of the secret.
 */
export function last4(token: string): string | null {
  return token.length >= 12 ? token.slice(-4) : null;
}

function tokenArea(platform: Platform, sessionOnly: boolean): StorageAreaLike {
  return sessionOnly ? platform.storage.session : platform.storage.local;
}

function isRecord(value: unknown): value is ConnectionRecord {
  return hasRecordShape(value) && connectionIdOf(value) !== null;
}

/** Everything of a record but the id (a record saved before ids existed has a token fingerprint instead). */
function hasRecordShape(value: unknown): value is Omit<ConnectionRecord, 'id'> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ConnectionRecord>;
  return typeof r.origin === 'string' && typeof r.sessionOnly === 'boolean' && (r.auth === 'ok' || r.auth === 'rejected');
}

export async function readConnection(platform: Platform): Promise<StoredConnection> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  const record = isRecord(got[CONNECTION_KEY]) ? got[CONNECTION_KEY] : await upgradeRecord(platform, got[CONNECTION_KEY]);
  if (!record) return { record: null, token: null };
  const stored = await tokenArea(platform, record.sessionOnly).get(TOKEN_KEY);
  const token = stored[TOKEN_KEY];
  return { record, token: typeof token === 'string' && token !== '' ? token : null };
}

/**
 * A record from before connection ids (it named the token by a hash of it): it gets a random id and loses the
 * hash, in one write. Anything else that is not a record stays "no connection".
 */
async function upgradeRecord(platform: Platform, value: unknown): Promise<ConnectionRecord | null> {
  if (!hasRecordShape(value)) return null;
  const { fingerprint: _hash, ...rest } = value as Omit<ConnectionRecord, 'id'> & { fingerprint?: unknown };
  const record: ConnectionRecord = { ...rest, id: newConnectionId() };
  await platform.storage.local.set({ [CONNECTION_KEY]: record });
  return record;
}

/**
 * Store a verified connection, under a new id. The token is written before the metadata that points at its
 * area, so a worker stopped half-way never leaves metadata without a token.
 *
 * Session-only: the storage.local write that stores the session-only record also blanks the persistent
 * token, in the same `set` — once the record says "session only" there is no token on disk, not even for a
 * moment (the blanked key is then removed). Areas can't share a write, so the session copy goes first.
 */
export async function saveConnection(
  platform: Platform,
  input: { origin: string; token: string; identity: { name: string; username: string }; sessionOnly: boolean; now: number },
): Promise<ConnectionRecord> {
  const record: ConnectionRecord = {
    origin: input.origin,
    identity: input.identity,
    lastVerified: input.now,
    auth: 'ok',
    sessionOnly: input.sessionOnly,
    tokenLast4: last4(input.token),
    id: newConnectionId(),
  };
  if (input.sessionOnly) {
    await platform.storage.session.set({ [TOKEN_KEY]: input.token });
    await platform.storage.local.set({ [CONNECTION_KEY]: record, [TOKEN_KEY]: '' });
    await platform.storage.local.remove(TOKEN_KEY);
  } else {
    await platform.storage.local.set({ [TOKEN_KEY]: input.token, [CONNECTION_KEY]: record });
    await platform.storage.session.remove(TOKEN_KEY);
  }
  return record;
}

/**
 * Update the metadata of the connection `id`; a no-op when the stored connection has meanwhile been replaced
 * (a late 401 from the old token must not mark the new one rejected).
 */
export async function updateConnection(
  platform: Platform,
  id: string,
  patch: Partial<Pick<ConnectionRecord, 'auth' | 'identity' | 'lastVerified'>>,
): Promise<ConnectionRecord | null> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  const current = got[CONNECTION_KEY];
  if (!isRecord(current) || current.id !== id) return null;
  const next = { ...current, ...patch };
  await platform.storage.local.set({ [CONNECTION_KEY]: next });
  return next;
}

/** Removes the token from both areas and the metadata (settings stay: settings-store.ts). */
export async function removeConnection(platform: Platform): Promise<void> {
  await platform.storage.local.remove([TOKEN_KEY, CONNECTION_KEY]);
  await platform.storage.session.remove(TOKEN_KEY);
}

/**
 * The id of the stored connection, read fresh: every cache and last-view write compares its own connection's
 * id with it first, so nothing of a forgotten or replaced connection is written after Forget / Replace.
 */
export async function currentConnectionId(platform: Platform): Promise<string | null> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  return isRecord(got[CONNECTION_KEY]) ? got[CONNECTION_KEY].id : null;
}

/**
 * Without a record, is anything else of a connection left: a token in either area (a worker stopped between
 * two writes), or a search scope?
 */
async function hasLeftovers(platform: Platform): Promise<boolean> {
  const [local, session, scope] = await Promise.all([
    platform.storage.local.get(TOKEN_KEY),
    platform.storage.session.get(TOKEN_KEY),
    hasStoredScope(platform),
  ]);
  return local[TOKEN_KEY] !== undefined || session[TOKEN_KEY] !== undefined || scope;
}

export function toStatus(stored: StoredConnection, granted: boolean, leftovers = false): ConnectionStatus {
  const { record, token } = stored;
  const configured = record !== null && token !== null;
  let auth: AuthState = 'unverified';
  // No host access comes first: without it the token cannot even be checked (openConnection agrees).
  if (configured) auth = !granted ? 'no-host-permission' : record.auth;
  return {
    configured,
    origin: record?.origin ?? null,
    host: record ? new URL(record.origin).host : null,
    identity: configured ? record.identity : null,
    tokenLast4: configured ? record.tokenLast4 : null,
    lastVerified: configured ? record.lastVerified : null,
    sessionOnly: record?.sessionOnly ?? false,
    auth,
    remembered: record !== null || token !== null || leftovers,
  };
}

/** What pages may know: configured, origin, identity, last 4 characters, auth state. Never the token. */
export async function readStatus(platform: Platform): Promise<ConnectionStatus> {
  const stored = await readConnection(platform);
  const granted = stored.record ? await hasHostPermission(platform, stored.record.origin) : false;
  const leftovers = stored.record === null && await hasLeftovers(platform);
  return toStatus(stored, granted, leftovers);
}

/**
 * Only trusted contexts (our pages and the worker) may read storage. Chrome 102+ supports this for session
 * (already the default there) and Chrome 140+ for local; Firefox has no setAccessLevel. It is defence in
 * depth — we ship no content scripts — so a missing or failing method is ignored.
 */
export async function restrictStorageAccess(platform: Platform): Promise<void> {
  for (const area of [platform.storage.local, platform.storage.session]) {
    if (typeof area.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch {
      // Older Chrome rejects for `local`; nothing to do.
    }
  }
}
