/**
 * Where the connection lives. The worker is the only reader of the token.
 *
 * storage.local
 *   `token`       the personal token (normal mode) — the only key that ever holds it
 *   `connection`  ConnectionRecord: origin, identity, lastVerified, auth, sessionOnly, tokenLast4, fingerprint
 *   `settings`    Settings (issue/review search scope)
 * storage.session
 *   `token`       the personal token in session-only mode (gone after a browser restart)
 *
 * Never the sync storage area: it is replicated to every browser signed in to the same account.
 *
 * In session-only mode the metadata stays in storage.local, so after a restart the status says "not
 * configured" but still knows the origin, and Options can prefill it.
 */
import type { AuthState, ConnectionStatus, Settings } from '../shared/protocol.ts';
import type { Person } from '../space/types.ts';
import { hasHostPermission } from './host-permission.ts';
import type { Platform, StorageAreaLike } from './platform.ts';

export const TOKEN_KEY = 'token';
export const CONNECTION_KEY = 'connection';
export const SETTINGS_KEY = 'settings';

/** Persisted auth state; 'no-host-permission' is never stored, it is checked live. */
export type StoredAuth = 'ok' | 'rejected';

export interface ConnectionRecord {
  origin: string;
  identity: { name: string; username: string } | null;
  lastVerified: number | null;
  auth: StoredAuth;
  sessionOnly: boolean;
  tokenLast4: string | null;
  /** `tokenFingerprint(origin, token)`: names the token in cache keys and LastView without revealing it. */
  fingerprint: string;
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

/** SHA-256(origin + '\n' + token), hex, first 16 characters. */
export async function tokenFingerprint(origin: string, token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${origin}\n${token}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

/** The `LastView.connection` / cache namespace of one origin + token. */
export function connectionKey(origin: string, fingerprint: string): string {
  return `${origin}#${fingerprint}`;
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
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ConnectionRecord>;
  return typeof r.origin === 'string' && typeof r.sessionOnly === 'boolean' && typeof r.fingerprint === 'string'
    && (r.auth === 'ok' || r.auth === 'rejected');
}

export async function readConnection(platform: Platform): Promise<StoredConnection> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  const record = isRecord(got[CONNECTION_KEY]) ? got[CONNECTION_KEY] : null;
  if (!record) return { record: null, token: null };
  const stored = await tokenArea(platform, record.sessionOnly).get(TOKEN_KEY);
  const token = stored[TOKEN_KEY];
  return { record, token: typeof token === 'string' && token !== '' ? token : null };
}

/**
 * Store a verified connection. The token is written before the metadata that points at its area, and the
 * copy in the other area is removed last, so a worker stopped half-way never leaves metadata without a token.
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
    fingerprint: await tokenFingerprint(input.origin, input.token),
  };
  if (input.sessionOnly) {
    await platform.storage.session.set({ [TOKEN_KEY]: input.token });
    await platform.storage.local.set({ [CONNECTION_KEY]: record });
    await platform.storage.local.remove(TOKEN_KEY);
  } else {
    await platform.storage.local.set({ [TOKEN_KEY]: input.token, [CONNECTION_KEY]: record });
    await platform.storage.session.remove(TOKEN_KEY);
  }
  return record;
}

/**
 * Update the metadata of the connection identified by `fingerprint`; a no-op when the stored connection has
 * meanwhile been replaced (a late 401 from the old token must not mark the new one rejected).
 */
export async function updateConnection(
  platform: Platform,
  fingerprint: string,
  patch: Partial<Pick<ConnectionRecord, 'auth' | 'identity' | 'lastVerified'>>,
): Promise<ConnectionRecord | null> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  const current = got[CONNECTION_KEY];
  if (!isRecord(current) || current.fingerprint !== fingerprint) return null;
  const next = { ...current, ...patch };
  await platform.storage.local.set({ [CONNECTION_KEY]: next });
  return next;
}

/** Removes the token from both areas and the metadata. */
export async function removeConnection(platform: Platform): Promise<void> {
  await platform.storage.local.remove([TOKEN_KEY, CONNECTION_KEY, SETTINGS_KEY]);
  await platform.storage.session.remove(TOKEN_KEY);
}

export function toStatus(stored: StoredConnection, granted: boolean): ConnectionStatus {
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
  };
}

/** What pages may know: configured, origin, identity, last 4 characters, auth state. Never the token. */
export async function readStatus(platform: Platform): Promise<ConnectionStatus> {
  const stored = await readConnection(platform);
  const granted = stored.record ? await hasHostPermission(platform, stored.record.origin) : false;
  return toStatus(stored, granted);
}

export async function readSettings(platform: Platform): Promise<Settings> {
  const got = await platform.storage.local.get(SETTINGS_KEY);
  const value = got[SETTINGS_KEY] as Partial<Settings> | undefined;
  const list = Array.isArray(value?.searchProjects) ? value.searchProjects.filter((k) => typeof k === 'string') : [];
  return { searchProjects: list };
}

export async function writeSettings(platform: Platform, settings: Settings): Promise<void> {
  await platform.storage.local.set({ [SETTINGS_KEY]: settings });
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
