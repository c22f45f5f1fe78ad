/**
 * Connect (or replace the token): normalize the URL, check the organization's managed settings and the host
 * permission the options page just requested, verify the token with the current-user call, and only then
 * store it.
 *
 * Every failure returns before the first storage write, so a typo in the URL, a wrong token or a dead
 * server never touches a working saved connection.
 *
 * A sign-in that a new connection replaces is ended in Space (best effort; not when the new one is the same user
 * signing in again with the same application, which Space counts as the same grant), and a personal token gives
 * the optional `identity` permission back: nothing signs in any more.
 *
 * Host access follows: a connect that fails after its grant gives that origin's access back, and a switch
 * to another Space gives the old one's back — never the pattern the stored connection still uses.
 * `oauth-start.ts` ("Sign in with Space") shares all of this (`connectionTarget`, `storeVerified`).
 */
import { normalizeBaseUrl } from '../../space/base-url.ts';
import { revokeRefreshToken } from '../../space/oauth/revoke.ts';
import type { ConnectionStatus, ConnectMethod } from '../../shared/protocol.ts';
import { WorkerError, workerErrors } from '../app-error.ts';
import { statusWithBadge } from '../badge.ts';
import { clearAllCaches } from '../cache.ts';
import { clearDirectory, warmDirectory } from '../directory/directory.ts';
import { clearHomeLists } from '../home/store.ts';
import {
  identityOf, readAccessToken, readConnection, saveConnection, type ConnectionRecord, type StoredConnection,
} from '../connection-store.ts';
import { hasHostPermission, releaseHostPermission, releaseIdentityPermission } from '../host-permission.ts';
import { NO_REFRESH_TOKEN, oauthTokenSource } from '../oauth-tokens.ts';
import type { Deps } from '../platform.ts';
import { enforcePolicy, readPolicy } from '../policy.ts';
import type { Handler } from '../router.ts';

/** Visible ASCII only: a token is an opaque printable string; anything else would corrupt the header. */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/**
 * The origin a connect or sign-in message asks for, normalized, allowed by the managed settings and granted:
 * checked in this order, before anything is sent or stored. Returns the origin and whether session-only mode is
 * in force (asked for, or forced by policy).
 */
export async function connectionTarget(
  deps: Deps,
  request: { url: string; sessionOnly: boolean; method: ConnectMethod; clientId?: string },
): Promise<{ origin: string; sessionOnly: boolean }> {
  const normalized = normalizeBaseUrl(request.url);
  if (!normalized.ok) throw new WorkerError({ code: 'invalid-url', reason: normalized.reason });
  const { origin } = normalized;
  const forced = enforcePolicy(await readPolicy(deps.platform), {
    origin, method: request.method, ...(request.clientId === undefined ? {} : { clientId: request.clientId }),
  });
  if (!(await hasHostPermission(deps.platform, origin))) throw workerErrors.noHostPermission(new URL(origin).host);
  return { origin, sessionOnly: request.sessionOnly || forced.sessionOnly };
}

/**
 * Runs `verifyAndSave` (which verifies against Space and, only if that worked, stores the new connection) with
 * the bookkeeping every new connection needs: the old server's search scope goes when the server changes; host
 * access of an origin no longer used is given back (this attempt's on failure, the old one's on success); no
 * cached result of the old connection survives.
 */
export async function storeVerified(
  deps: Deps,
  origin: string,
  verifyAndSave: () => Promise<ConnectionRecord>,
): Promise<ConnectionStatus> {
  const { platform } = deps;
  const stored = await readConnection(platform);
  const previous = stored.record;
  // A sign-in this replaces is ended in Space afterwards, with a current access token of its own: asked for now,
  // beside the new verification (it may need a refresh), while its refresh token is still stored.
  const previousAccess = accessTokenToEnd(deps, stored);
  let record: ConnectionRecord;
  try {
    record = await verifyAndSave();
  } catch (e) {
    // The access granted for this attempt is not used by anything now (unless the stored connection shares it).
    await releaseHostPermission(platform, origin, previous?.origin ?? null);
    throw e;
  }
  if (previous && previousAccess && !sameSpaceGrant(previous, record)) {
    // Not awaited: the new connection works already, and the old sign-in's token may still need a refresh from a
    // slow server. Its host access goes after the revoke, which is a request to its origin.
    void endSignIn(previous.origin, previousAccess).then(() => releaseHostPermission(platform, previous.origin, origin));
  } else if (previous) {
    await releaseHostPermission(platform, previous.origin, origin);
  }
  // A personal token needs no sign-in window.
  if (record.method === 'token') await releaseIdentityPermission(platform);
  // Results of the previous token must never show under the new one, nor its Recent, Pinned and Waiting lists.
  await clearAllCaches(platform);
  await clearHomeLists(platform);
  // The previous connection's local directory goes; the new one's is synced in the background (issue 16). A store
  // that can't be cleared must not fail a connection already saved: a copy is only ever read for its own connection.
  await clearDirectory(platform).catch(() => undefined);
  void warmDirectory(deps, { private: false });
  return statusWithBadge(platform);
}

/**
 * A current access token of the stored sign-in, to end it with (null when there is nothing to end: a personal
 * token, a sign-in Space already refused). Only what needs no window: the stored access token while it lasts, else
 * one refresh with the stored refresh token.
 *
 * A sign-in Space gave no refresh token (`NO_REFRESH_TOKEN`) is left alone: the refresh token Space keeps for this
 * application and user belongs to the browser that signed in first, and whether revoking "the refresh token of this
 * access token" from here would end that one is unknown [I] — it must not. Its access token simply expires.
 */
function accessTokenToEnd(deps: Deps, { record, token }: StoredConnection): Promise<string> | null {
  if (record?.method !== 'oauth' || record.auth === 'rejected' || token === null || token === NO_REFRESH_TOKEN) return null;
  const access = (async () => {
    const stored = await readAccessToken(deps.platform, record.id);
    if (stored && deps.now() < stored.expiresAt) return stored.token;
    return oauthTokenSource(deps, record).token();
  })();
  access.catch(() => undefined);
  return access;
}

/**
 * Signing in again to the same Space, with the same application, as the same user: Space keeps one grant (one
 * refresh token) per application and user, which the new sign-in shares — ending the old one would end it too.
 */
function sameSpaceGrant(previous: ConnectionRecord, next: ConnectionRecord): boolean {
  return next.method === 'oauth' && previous.origin === next.origin && previous.clientId === next.clientId
    && previous.identity !== null && previous.identity.username === next.identity?.username;
}

/**
 * Replacing a sign-in ends it in Space (its refresh token revoked), so no valid copy outlives its use here. Best
 * effort: the new connection is saved already, and a failure (no token, server down) only leaves the old sign-in
 * to expire in Space.
 */
async function endSignIn(origin: string, accessToken: Promise<string>): Promise<void> {
  try {
    await revokeRefreshToken({ origin, accessToken: await accessToken });
  } catch {
    // Nothing to undo, nobody to tell: the user asked for the new connection, which works.
  }
}

export const handleConnect: Handler<'connect'> = async (request, deps) => {
  // Pasted tokens often carry a newline or spaces at the ends; inside, whitespace means a bad paste.
  const token = request.token.trim();
  const target = await connectionTarget(deps, { url: request.url, sessionOnly: request.sessionOnly, method: 'token' });
  if (token === '' || !TOKEN_CHARS.test(token)) throw workerErrors.badRequest('token-format');
  return storeVerified(deps, target.origin, async () => {
    const me = await deps.createClient({ origin: target.origin, token }).me();
    return saveConnection(deps.platform, {
      origin: target.origin, token, identity: identityOf(me), sessionOnly: target.sessionOnly, now: deps.now(),
    });
  });
};
