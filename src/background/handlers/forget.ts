/**
 * Forget (for "Sign in with Space": Sign out): optionally revoke the token in Space first (Space's own advice
 * for a token that may be compromised; for a sign-in, its refresh token, with a current access token), then
 * remove the token (both OAuth tokens), metadata, settings, caches, last view, pending query and the home lists
 * (Recent, Pinned, Waiting for you), and give the Space origin's host access back — always, even when the revoke
 * failed: the user asked to be disconnected, and a failed revoke is reported, not retried. A sign-in Space already
 * refused has nothing left to revoke.
 * The optional `identity` permission goes back too: nothing signs in any more.
 *
 * The connection and its scope go in one operation of the credential queue (`forgetConnection`): a refresh
 * that lands during Sign out stores nothing after it.
 */
import type { ForgetResult } from '../../shared/protocol.ts';
import { PENDING_QUERY_KEY } from '../../shared/storage-keys.ts';
import { openConnection } from '../active-connection.ts';
import { revokeRefreshToken } from '../../space/oauth/revoke.ts';
import { toAppError } from '../app-error.ts';
import { refreshBadge } from '../badge.ts';
import { clearAllCaches } from '../cache.ts';
import { clearDirectory } from '../directory/directory.ts';
import { clearHomeLists } from '../home/store.ts';
import { forgetConnection, readConnection } from '../connection-store.ts';
import { NO_REFRESH_TOKEN } from '../oauth-tokens.ts';
import { releaseHostPermission, releaseIdentityPermission } from '../host-permission.ts';
import type { Handler } from '../router.ts';

export const handleForget: Handler<'forget'> = async (request, deps) => {
  let result: ForgetResult = { revoked: 'skipped' };
  if (request.revoke) {
    try {
      const conn = await openConnection(deps, { allowRejected: true });
      if (!conn.tokens) {
        await conn.api.revokeCurrentToken();
        result = { revoked: 'confirmed' };
      } else if (conn.record.auth !== 'rejected' && (await readConnection(deps.platform)).token !== NO_REFRESH_TOKEN) {
        // A sign-in without a refresh token of its own revokes nothing: the one Space keeps for this application
        // and user may be another browser's (connect.ts, accessTokenToEnd [I]). Its access token simply expires.
        await revokeRefreshToken({ origin: conn.record.origin, accessToken: await conn.tokens.token() });
        result = { revoked: 'confirmed' };
      }
    } catch (e) {
      result = { revoked: 'failed', error: toAppError(e) };
    }
  }

  const { platform } = deps;
  // The origin whose access goes back: what the queued removal found (a session-only record whose token is gone
  // still names it), or, should the removal fail, what was stored a moment before.
  let origin = (await readConnection(platform).catch(() => null))?.record?.origin ?? null;
  // Each step runs even if an earlier one failed; the first failure is reported afterwards.
  const steps = [
    async () => {
      origin = (await forgetConnection(platform))?.origin ?? origin;
    },
    () => clearAllCaches(platform),
    () => clearDirectory(platform),
    () => clearHomeLists(platform),
    () => platform.storage.session.remove(PENDING_QUERY_KEY),
    // Last: the revoke above needed the access.
    () => (origin === null ? Promise.resolve() : releaseHostPermission(platform, origin, null)),
    () => releaseIdentityPermission(platform),
  ];
  let failed: unknown = null;
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      failed ??= e;
    }
  }
  await refreshBadge(platform);
  if (failed !== null) throw failed;
  return result;
};
