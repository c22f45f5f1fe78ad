/**
 * Opening the stored connection for a call to Space: the token and origin come from storage only (never from
 * a message), the host permission is re-checked before every use (Firefox users can revoke it at any time),
 * and a 401 anywhere marks the stored token rejected and updates the badge. A "Sign in with Space" connection
 * gets its bearer from `oauthTokenSource` (refreshed before expiry and once on 401 "expired"); for it, a
 * rejection reads "sign in again".
 */
import type { AppError } from '../shared/protocol.ts';
import type { SpaceApi, TokenSource } from '../space/api.ts';
import { isSpaceError } from '../space/errors.ts';
import { workerErrors } from './app-error.ts';
import { refreshBadge, showBadge } from './badge.ts';
import { hasHostPermission } from './host-permission.ts';
import type { CacheOwner } from './cache.ts';
import { readConnection, updateConnection, type ConnectionRecord } from './connection-store.ts';
import { oauthTokenSource } from './oauth-tokens.ts';
import type { Deps, Platform } from './platform.ts';

export interface ActiveConnection extends CacheOwner {
  api: SpaceApi;
  record: ConnectionRecord;
  /** The access tokens of a "Sign in with Space" connection (sign-out needs one); null for a personal token. */
  tokens: TokenSource | null;
  /** `record.id`: the cache namespace, `LastView.connection`, and the generation writes are checked against. */
  key: string;
  /** The request came from a private (incognito) window: its queries and results stay out of storage. */
  private: boolean;
}

/**
 * @param allowRejected `verify` and `forget` still use a token Space rejected (to re-check it / revoke it);
 *   searches fail fast instead of sending a dead token with every keystroke.
 * @param private The request comes from a private window (see `ActiveConnection.private`).
 */
export async function openConnection(
  deps: Deps,
  opts: { allowRejected?: boolean; private?: boolean } = {},
): Promise<ActiveConnection> {
  const { record, token } = await readConnection(deps.platform);
  if (!record || token === null) throw workerErrors.notConfigured();
  if (!(await hasHostPermission(deps.platform, record.origin))) {
    // The state is known from what was just read: no need to read it all again for the badge.
    await showBadge(deps.platform, 'no-host-permission').catch(() => undefined);
    throw workerErrors.noHostPermission(new URL(record.origin).host);
  }
  if (record.auth === 'rejected' && !opts.allowRejected) {
    throw record.method === 'oauth' ? workerErrors.signInAgain(new URL(record.origin).host) : workerErrors.tokenRejected();
  }
  const tokens = record.method === 'oauth' ? oauthTokenSource(deps, record) : null;
  const api = deps.createClient({ origin: record.origin, token: tokens ?? token });
  return { api, record, tokens, key: record.id, private: opts.private === true };
}

/** Persist "token rejected" for this exact token (not a newer one saved meanwhile) and show it on the badge. */
export async function noteAuthRejected(platform: Platform, record: ConnectionRecord): Promise<void> {
  await updateConnection(platform, record.id, { auth: 'rejected' });
  await refreshBadge(platform);
}

/**
 * Run a Space call; a 401 is recorded before the error goes on to the caller (for a signed-in connection as
 * "sign in again": its access token was refused even after a refresh, or for another reason than expiry).
 */
export async function callSpace<T>(
  platform: Platform,
  conn: ActiveConnection,
  call: (api: SpaceApi) => Promise<T>,
): Promise<T> {
  try {
    return await call(conn.api);
  } catch (e) {
    if (isSpaceError(e) && e.code === 'unauthorized') {
      await noteAuthRejected(platform, conn.record);
      if (conn.record.method === 'oauth') throw workerErrors.signInAgain(new URL(conn.record.origin).host);
    }
    throw e;
  }
}

/**
 * When `error` means the connection's credentials are no good (a 401, or a refused refresh token), the
 * page-level error to report: "sign in again" for a signed-in connection, the error itself for a token.
 * Null for every other error.
 */
export function credentialError(conn: ActiveConnection, error: AppError): AppError | null {
  if (error.code !== 'unauthorized' && error.code !== 'sign-in-again') return null;
  return conn.record.method === 'oauth' ? { code: 'sign-in-again', host: new URL(conn.record.origin).host } : error;
}
