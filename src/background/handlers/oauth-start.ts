/**
 * "Sign in with Space" (issue 8; space-api.md §8): OAuth 2.0 authorization code + PKCE (S256) for a public
 * client, run entirely in the worker.
 *
 *   1. The URL is normalized, checked against the managed settings and the granted host permission exactly as
 *      `connect` does (`connectionTarget`); the client ID must look like one.
 *   2. `identity.launchWebAuthFlow` (interactive) opens Space's consent page in the browser's auth window.
 *   3. The answer must carry our `state`; its code is exchanged at `/oauth/token` with the verifier.
 *   4. The access token is verified by loading the user (`me`); only then is anything stored
 *      (`saveConnection`: refresh token where the personal token would live, access token in storage.session).
 *      Space issues a refresh token only the first time it exchanges a code for this application and user (KT
 *      `OAuthAccessType`, NET `AccessType` [C]): a second browser or profile gets none. That sign-in is kept too,
 *      with NO_REFRESH_TOKEN in the refresh token's place; its access tokens are renewed by silent
 *      re-authorization (oauth-tokens.ts).
 *
 * A window closed without an answer is diagnosed (`diagnoseAuthorize`): an unknown client ID or an unregistered
 * redirect URI shows Space's error page, which the user closes — the message says which. Tokens that were issued
 * but not kept (verification failed) are revoked in Space, best effort. Nothing of a failed sign-in is stored.
 */
import type { ConnectionRecord } from '../connection-store.ts';
import { identityOf, saveConnection } from '../connection-store.ts';
import { isSpaceError } from '../../space/errors.ts';
import { diagnoseAuthorize } from '../../space/oauth/authorize.ts';
import { OAuthError } from '../../space/oauth/errors.ts';
import { revokeRefreshToken } from '../../space/oauth/revoke.ts';
import { OAUTH_SCOPE } from '../../kinds/required-permissions.ts';
import { clockSkewSuspected, type TokenSet } from '../../space/oauth/token.ts';
import { workerErrors } from '../app-error.ts';
import { authorizeWithCode, whileSigningIn, type Identity, type LaunchRefusal } from '../oauth-authorize.ts';
import { NO_REFRESH_TOKEN, accessTokenOf } from '../oauth-tokens.ts';
import type { Deps } from '../platform.ts';
import { CLIENT_ID } from '../policy.ts';
import type { Handler } from '../router.ts';
import { connectionTarget, storeVerified } from './connect.ts';

export const handleOAuthStart: Handler<'oauth-start'> = async (request, deps) => {
  const clientId = request.clientId.trim();
  if (!CLIENT_ID.test(clientId)) throw workerErrors.badRequest('client-id');
  const target = await connectionTarget(deps, { url: request.url, sessionOnly: request.sessionOnly, method: 'oauth', clientId });
  const host = new URL(target.origin).host;
  const identity = deps.platform.identity;
  if (!identity) throw workerErrors.signIn('no-identity', host);
  // Chrome allows one auth window at a time; so does this worker (a second click would only be refused later).
  const status = await whileSigningIn(() => storeVerified(deps, target.origin, () => signIn(deps, identity, { ...target, clientId })));
  if (status === null) throw workerErrors.signIn('in-progress', host);
  return status;
};

async function signIn(
  deps: Deps,
  identity: Identity,
  t: { origin: string; clientId: string; sessionOnly: boolean },
): Promise<ConnectionRecord> {
  const host = new URL(t.origin).host;
  const tokens = await authorizeWithCode(deps, identity, {
    origin: t.origin, clientId: t.clientId, interactive: true,
    launchFailed: (why, redirectUri) => launchError(why, { origin: t.origin, clientId: t.clientId, redirectUri, host }),
  });
  try {
    const me = await verify(deps, t.origin, tokens, host);
    return await saveConnection(deps.platform, {
      method: 'oauth', origin: t.origin, clientId: t.clientId, refreshToken: tokens.refreshToken ?? NO_REFRESH_TOKEN,
      access: accessTokenOf(tokens), identity: identityOf(me), sessionOnly: t.sessionOnly, now: deps.now(),
    });
  } catch (e) {
    // Issued but not kept: ask Space to forget the refresh token, so no valid copy is left anywhere. Without one
    // there is nothing of ours to forget, and the revoke might end the refresh token another browser holds for
    // the same application and user [U which one Space would end].
    if (tokens.refreshToken !== null) {
      await revokeRefreshToken({ origin: t.origin, accessToken: tokens.accessToken }).catch(() => undefined);
    }
    throw e;
  }
}

/** The user behind the new access token. A brand-new token Space calls expired means the clocks disagree. */
async function verify(deps: Deps, origin: string, tokens: TokenSet, host: string) {
  try {
    return await deps.createClient({ origin, token: tokens.accessToken }).me();
  } catch (e) {
    if (isSpaceError(e) && e.code === 'unauthorized' && (e.reason === 'expired' || clockSkewSuspected(tokens))) {
      throw new OAuthError('clock-skew', { host, reason: 'expired-at-once' });
    }
    throw e;
  }
}

/**
 * launchWebAuthFlow rejected (`LaunchRefusal`): the window was closed, its page failed to load, or another flow is
 * running. Space's error page for an unknown client ID or redirect URI ends the same way, so ask Space once which
 * it was.
 */
async function launchError(
  why: LaunchRefusal,
  params: { origin: string; clientId: string; redirectUri: string; host: string },
): Promise<unknown> {
  if (why === 'in-progress') return workerErrors.signIn('in-progress', params.host);
  const diagnosis = await diagnoseAuthorize({ ...params, scope: OAUTH_SCOPE }).catch(() => null);
  if (diagnosis) return diagnosis;
  return workerErrors.signIn(why === 'not-loaded' ? 'page-not-loaded' : 'window-closed', params.host);
}
