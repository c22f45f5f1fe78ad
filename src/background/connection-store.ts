/**
 * Where the connection lives. The worker is the only reader of the secrets.
 *
 * storage.local
 *   `token`         the personal token (normal mode) — the only key that ever holds it
 *   `refreshToken`  the OAuth refresh token of "Sign in with Space" (normal mode)
 *   `connection`    ConnectionRecord: id, origin, method, clientId, identity, lastVerified, auth, sessionOnly,
 *                   tokenLast4 (personal tokens only)
 * storage.session
 *   `token`         the personal token in session-only mode (gone after a browser restart)
 *   `refreshToken`  the refresh token in session-only mode
 *   `accessToken`   the current OAuth access token, its expiry and the id of its connection (always here: it
 *                   lives minutes, and a new one is one refresh away)
 *
 * A connection has one method and only that method's secret: saving one removes the other's.
 * Never the sync storage area: it is replicated to every browser signed in to the same account.
 *
 * In session-only mode the metadata stays in storage.local, so after a restart the status says "not
 * configured" but still knows the origin (and the client ID), and Options can prefill it — and offers Forget
 * for what is left.
 *
 * Settings (the search scope) live apart, in settings-store.ts.
 *
 * Every write of a credential — saving a connection, storing refreshed tokens, making it session-only, updating
 * or removing it, writing its search scope — runs through one queue (`underCredentialLock`), and the check it
 * depends on (is this still the same connection, the same refresh token?) is made inside the queued operation.
 * Storage calls are async, so without it a check could pass and another operation's writes land before the
 * write that relied on it: a refresh answered during Sign out would put a rotated refresh token back on disk, or
 * write one sign-in's refresh token into the next one's connection. The queue is memory only, and holds nothing
 * that matters: a stopped worker loses the operations it had not started, which never wrote anything.
 */
import { CONNECTION_KEY, connectionIdOf } from '../shared/storage-keys.ts';
import type { ConnectMethod, Settings } from '../shared/protocol.ts';
import type { Person } from '../space/types.ts';
import type { Platform, StorageAreaLike } from './platform.ts';
import { readSettings, removeSettings, writeSettings } from './settings-store.ts';

export const TOKEN_KEY = 'token';
export const REFRESH_TOKEN_KEY = 'refreshToken';
export const ACCESS_TOKEN_KEY = 'accessToken';

/** The key of each method's long-lived secret (in storage.local, or storage.session when session-only). */
const SECRET_KEY: Record<ConnectMethod, string> = { token: TOKEN_KEY, oauth: REFRESH_TOKEN_KEY };
/** Every method's long-lived secret key: what Forget removes, and what counts as a leftover (connection-status.ts). */
export const ALL_SECRET_KEYS = [TOKEN_KEY, REFRESH_TOKEN_KEY];

/** The tail of the credential queue: settles when every operation queued so far has. */
let credentialQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `op` after every credential operation queued before it, and before any queued after it. An operation
 * must not queue another (it would wait for itself): the exported writers are queued wrappers of unqueued
 * inner functions, which queued operations call directly. A failed operation does not stop the queue.
 */
function underCredentialLock<T>(op: () => Promise<T>): Promise<T> {
  const run = credentialQueue.then(op, op);
  credentialQueue = run.catch(() => undefined);
  return run;
}

/** Persisted auth state; 'no-host-permission' is never stored, it is checked live. */
export type StoredAuth = 'ok' | 'rejected';

export interface ConnectionRecord {
  origin: string;
  /** Absent in records saved before sign-in existed: those are 'token'. */
  method: ConnectMethod;
  /** The OAuth application's client ID (public, not a secret); null for a personal token. */
  clientId: string | null;
  identity: { name: string; username: string } | null;
  lastVerified: number | null;
  /** 'rejected': Space refused the personal token, or (OAuth) the refresh token — "sign in again". */
  auth: StoredAuth;
  sessionOnly: boolean;
  /** Personal tokens only; always null for OAuth (no digit of its tokens is shown). */
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
  /**
   * The connection's long-lived secret: the personal token, or the OAuth refresh token. Null when absent (never
   * saved, forgotten, or a session-only secret lost to a restart).
   */
  token: string | null;
}

/** An OAuth access token as stored in storage.session, tied to the connection it was issued for. */
export interface StoredAccessToken {
  connection: string;
  token: string;
  /** Local-clock epoch ms when Space will call it expired. */
  expiresAt: number;
  /** Local-clock epoch ms from which the worker refreshes before using it. */
  refreshAt: number;
}

/** What the options page shows as "Connected as <name> (@username)". */
export function identityOf(me: Person): { name: string; username: string } {
  const name = me.title || `${me.firstName} ${me.lastName}`.trim() || me.username;
  return { name, username: me.username };
}

/** 128 random bits, hex: the id of a connection being saved. */
function newConnectionId(): string {
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

export function readConnection(platform: Platform): Promise<StoredConnection> {
  return readStored(platform, false);
}

/** `locked`: the caller already runs in the credential queue (a record to upgrade is then upgraded directly). */
async function readStored(platform: Platform, locked: boolean): Promise<StoredConnection> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  const value = got[CONNECTION_KEY];
  const raw = isRecord(value) ? value
    : !hasRecordShape(value) ? null
    : locked ? await upgradeRecord(platform)
    : await underCredentialLock(() => upgradeRecord(platform));
  if (!raw) return { record: null, token: null };
  const record = normalized(raw);
  const key = SECRET_KEY[record.method];
  const stored = await tokenArea(platform, record.sessionOnly).get(key);
  const token = stored[key];
  return { record, token: typeof token === 'string' && token !== '' ? token : null };
}

/** A record as stored, with the fields newer versions added filled in (older records are personal tokens). */
function normalized(record: ConnectionRecord): ConnectionRecord {
  const method: ConnectMethod = record.method === 'oauth' ? 'oauth' : 'token';
  const clientId = method === 'oauth' && typeof record.clientId === 'string' ? record.clientId : null;
  return { ...record, method, clientId, tokenLast4: method === 'token' ? record.tokenLast4 ?? null : null };
}

/**
 * A record from before connection ids (it named the token by a hash of it): it gets a random id and loses the
 * hash, in one write. Anything else that is not a record stays "no connection". Runs in the queue, and reads
 * again there: a connection saved meanwhile is not replaced by the upgraded old one.
 */
async function upgradeRecord(platform: Platform): Promise<ConnectionRecord | null> {
  const value = (await platform.storage.local.get(CONNECTION_KEY))[CONNECTION_KEY];
  if (isRecord(value)) return value;
  if (!hasRecordShape(value)) return null;
  const { fingerprint: _hash, ...rest } = value as Omit<ConnectionRecord, 'id'> & { fingerprint?: unknown };
  const record: ConnectionRecord = { ...rest, id: newConnectionId() };
  await platform.storage.local.set({ [CONNECTION_KEY]: record });
  return record;
}

export type SaveConnectionInput = {
  origin: string;
  identity: { name: string; username: string };
  sessionOnly: boolean;
  now: number;
} & (
  | { method?: 'token'; token: string }
  | { method: 'oauth'; clientId: string; refreshToken: string; access: Omit<StoredAccessToken, 'connection'> }
);

/**
 * Store a verified connection, under a new id. The secret is written before the metadata that points at its
 * area, so a worker stopped half-way never leaves metadata without a secret; the other method's secret goes in
 * the same writes (a connection has one method).
 *
 * Session-only: the storage.local write that stores the session-only record also blanks the persistent
 * secrets, in the same `set` — once the record says "session only" there is no secret on disk, not even for a
 * moment (the blanked keys are then removed). Areas can't share a write, so the session copy goes first.
 *
 * In the same queued operation, a search scope chosen for another Space is cleared (project keys belong to their
 * server).
 */
export function saveConnection(platform: Platform, input: SaveConnectionInput): Promise<ConnectionRecord> {
  return underCredentialLock(async () => {
    const previous = (await readStored(platform, true)).record;
    const record = await writeConnection(platform, input);
    if (previous && previous.origin !== record.origin) {
      const settings = await readSettings(platform);
      if (settings.searchProjects.length > 0) await writeSettings(platform, { ...settings, searchProjects: [] });
    }
    return record;
  });
}

async function writeConnection(platform: Platform, input: SaveConnectionInput): Promise<ConnectionRecord> {
  const oauth = input.method === 'oauth';
  const secret = oauth ? input.refreshToken : input.token;
  const record: ConnectionRecord = {
    origin: input.origin,
    method: oauth ? 'oauth' : 'token',
    clientId: oauth ? input.clientId : null,
    identity: input.identity,
    lastVerified: input.now,
    auth: 'ok',
    sessionOnly: input.sessionOnly,
    tokenLast4: oauth ? null : last4(secret),
    id: newConnectionId(),
  };
  const key = SECRET_KEY[record.method];
  const others = ALL_SECRET_KEYS.filter((k) => k !== key);
  // The access token is written with the new id, before the record that makes it current.
  const access = oauth ? { [ACCESS_TOKEN_KEY]: { ...input.access, connection: record.id } } : {};
  const blanks = Object.fromEntries(ALL_SECRET_KEYS.map((k) => [k, '']));
  if (input.sessionOnly) {
    await platform.storage.session.set({ [key]: secret, ...access });
    await platform.storage.session.remove(oauth ? others : [...others, ACCESS_TOKEN_KEY]);
    await platform.storage.local.set({ [CONNECTION_KEY]: record, ...blanks });
    await platform.storage.local.remove(ALL_SECRET_KEYS);
  } else {
    if (oauth) await platform.storage.session.set(access);
    await platform.storage.local.set({ ...Object.fromEntries(others.map((k) => [k, ''])), [key]: secret, [CONNECTION_KEY]: record });
    await platform.storage.local.remove(others);
    await platform.storage.session.remove(oauth ? ALL_SECRET_KEYS : [...ALL_SECRET_KEYS, ACCESS_TOKEN_KEY]);
  }
  return record;
}

/**
 * Session-only from now on, for the stored connection (the organization forced it after it was saved): its secret
 * moves to storage.session, with the same blanking write as `saveConnection`, so none is left on disk. Nothing
 * else changes (same id, same caches). Returns whether anything moved.
 */
export function makeSessionOnly(platform: Platform): Promise<boolean> {
  return underCredentialLock(async () => {
    const { record, token } = await readStored(platform, true);
    if (!record || record.sessionOnly) return false;
    const key = SECRET_KEY[record.method];
    if (token !== null) await platform.storage.session.set({ [key]: token });
    const blanks = Object.fromEntries(ALL_SECRET_KEYS.map((k) => [k, '']));
    await platform.storage.local.set({ [CONNECTION_KEY]: { ...record, sessionOnly: true }, ...blanks });
    await platform.storage.local.remove(ALL_SECRET_KEYS);
    return true;
  });
}

/**
 * The organization no longer allows connection `id` (policy.ts): its secrets go from both areas with its access
 * token; the record stays, so the pages can say what was refused and Options offers Forget for what is left.
 * Nothing happens when another connection has been saved meanwhile. Returns whether a secret was dropped.
 */
export function dropConnectionSecrets(platform: Platform, id: string): Promise<boolean> {
  return underCredentialLock(async () => {
    const { record } = await readStored(platform, true);
    if (record?.id !== id) return false;
    const [local, session] = await Promise.all([
      platform.storage.local.get(ALL_SECRET_KEYS),
      platform.storage.session.get([...ALL_SECRET_KEYS, ACCESS_TOKEN_KEY]),
    ]);
    if (Object.keys(local).length === 0 && Object.keys(session).length === 0) return false;
    await platform.storage.local.remove(ALL_SECRET_KEYS);
    await platform.storage.session.remove([...ALL_SECRET_KEYS, ACCESS_TOKEN_KEY]);
    return true;
  });
}

/** The stored access token of connection `id`; null when there is none or it belongs to another connection. */
export async function readAccessToken(platform: Platform, id: string): Promise<StoredAccessToken | null> {
  const got = await platform.storage.session.get(ACCESS_TOKEN_KEY);
  const value = got[ACCESS_TOKEN_KEY] as Partial<StoredAccessToken> | undefined;
  if (typeof value !== 'object' || value === null || value.connection !== id) return null;
  if (typeof value.token !== 'string' || value.token === '' || typeof value.expiresAt !== 'number' || typeof value.refreshAt !== 'number') return null;
  return value as StoredAccessToken;
}

/**
 * After a refresh: the new access token (and a rotated refresh token, written first) — only while `record` is
 * still the stored connection and its refresh token is still `usedRefreshToken`. A refresh that finishes after
 * a sign-out, a new sign-in or another refresh that rotated the token writes nothing. Returns whether it wrote.
 */
export function storeRefreshedTokens(
  platform: Platform,
  record: ConnectionRecord,
  usedRefreshToken: string,
  next: { access: Omit<StoredAccessToken, 'connection'>; refreshToken: string | null },
): Promise<boolean> {
  return underCredentialLock(async () => {
    // The check and the writes in one queued operation: nothing (Sign out, a new sign-in) can come between.
    const current = await readStored(platform, true);
    if (current.record?.id !== record.id || current.token !== usedRefreshToken) return false;
    if (next.refreshToken !== null && next.refreshToken !== usedRefreshToken) {
      await tokenArea(platform, current.record.sessionOnly).set({ [REFRESH_TOKEN_KEY]: next.refreshToken });
    }
    await platform.storage.session.set({ [ACCESS_TOKEN_KEY]: { ...next.access, connection: record.id } });
    return true;
  });
}

/**
 * Space refused the sign-in `id` when it held `refusedToken` (its refresh token, or the no-refresh-token marker):
 * marked rejected ("sign in again") and its access token dropped — only while it is still the stored connection
 * with that token, checked inside the queue. A refusal that lands after Sign out, a new sign-in or a rotation
 * marks nothing. Returns whether it did.
 */
export function markSignInRefused(platform: Platform, id: string, refusedToken: string): Promise<boolean> {
  return underCredentialLock(async () => {
    const current = await readStored(platform, true);
    if (current.record?.id !== id || current.token !== refusedToken) return false;
    const got = await platform.storage.local.get(CONNECTION_KEY);
    await platform.storage.local.set({ [CONNECTION_KEY]: { ...(got[CONNECTION_KEY] as ConnectionRecord), auth: 'rejected' } });
    if ((await readAccessToken(platform, id)) !== null) await platform.storage.session.remove(ACCESS_TOKEN_KEY);
    return true;
  });
}

/**
 * Update the metadata of the connection `id`; a no-op when the stored connection has meanwhile been replaced
 * (a late 401 from the old token must not mark the new one rejected).
 */
export function updateConnection(
  platform: Platform,
  id: string,
  patch: Partial<Pick<ConnectionRecord, 'auth' | 'identity' | 'lastVerified'>>,
): Promise<ConnectionRecord | null> {
  return underCredentialLock(async () => {
    const got = await platform.storage.local.get(CONNECTION_KEY);
    const current = got[CONNECTION_KEY];
    if (!isRecord(current) || current.id !== id) return null;
    const next = { ...current, ...patch };
    await platform.storage.local.set({ [CONNECTION_KEY]: next });
    return normalized(next);
  });
}

/** Removes the secrets from both areas, the access token and the metadata (settings stay: settings-store.ts). */
async function removeAll(platform: Platform): Promise<void> {
  await platform.storage.local.remove([...ALL_SECRET_KEYS, CONNECTION_KEY]);
  await platform.storage.session.remove([...ALL_SECRET_KEYS, ACCESS_TOKEN_KEY]);
}

/**
 * Forget / Sign out: the connection (secrets, access token, metadata) and its search scope, in one queued
 * operation — a refresh or a scope write queued before it lands before it, never after. Both removals are tried
 * even if one fails (the first failure is thrown afterwards). Returns the record it removed (for its origin).
 */
export function forgetConnection(platform: Platform): Promise<ConnectionRecord | null> {
  return underCredentialLock(async () => {
    const { record } = await readStored(platform, true).catch(() => ({ record: null }));
    const results = await Promise.allSettled([removeAll(platform), removeSettings(platform)]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return record;
  });
}

/**
 * The settings of the stored connection (the issue/review search scope, the toolbar count), changed in the queue
 * only while a connection is stored: a setting sent just before Forget must not outlive it. What `update` does not
 * name is kept. Returns whether it was written.
 */
export function updateSettings(platform: Platform, update: Partial<Settings>): Promise<boolean> {
  return underCredentialLock(async () => {
    if ((await currentConnectionId(platform)) === null) return false;
    await writeSettings(platform, { ...(await readSettings(platform)), ...update });
    return true;
  });
}

/**
 * The id of the stored connection, read fresh: every cache and last-view write compares its own connection's
 * id with it first, so nothing of a forgotten or replaced connection is written after Forget / Replace.
 */
export async function currentConnectionId(platform: Platform): Promise<string | null> {
  const got = await platform.storage.local.get(CONNECTION_KEY);
  return isRecord(got[CONNECTION_KEY]) ? got[CONNECTION_KEY].id : null;
}
