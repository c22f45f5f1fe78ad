/**
 * The bearer of a "Sign in with Space" connection: the stored access token while it is fresh, otherwise one
 * refresh with the stored refresh token (space-api.md §8, `grant_type=refresh_token`, with the granted scope) — or,
 * for a sign-in Space gave no refresh token (NO_REFRESH_TOKEN), one silent re-authorization.
 *
 *  - Before expiry: a token is refreshed from `refreshAt` on (60 s before it expires; a quarter of its lifetime
 *    for tokens that live less than four minutes), so a request rarely meets an expired one.
 *  - On 401 "Access token has expired" (our clock may be late): the request core asks `renew(stale)` once.
 *  - Single flight: every caller in this worker that needs a refresh for the same connection shares one
 *    `/oauth/token` request. Nothing of it matters beyond memory: if the worker stops mid-refresh, the flight is
 *    gone and the next call simply refreshes again with the stored refresh token (never overwritten by a
 *    refresh that did not finish), and a refresh that finishes after a sign-out, a new sign-in or a rotation
 *    writes nothing (`storeRefreshedTokens`).
 *  - Refused (any 400/401 from /oauth/token, e.g. "Refresh token associated with the access token is revoked"):
 *    the connection is marked rejected — "sign in again", badge too — and the settings stay. Transient failures
 *    (network, 5xx, timeout) change nothing stored.
 *  - Without a refresh token: the authorization request again, not interactive (`reauthorizeSilently`). Space
 *    redirects back at once while the browser's Space session and the consent last (KT/NET
 *    `request_credentials=default`: "If the user is already logged in to Space, the user is granted access" [C];
 *    that remembered consent skips the consent page too is [I]); anything else is "sign in again", as for a
 *    refused refresh token. Same single flight, same "only if the connection is still this one" write.
 */
import type { TokenSource } from '../space/api.ts';
import { isSpaceError } from '../space/errors.ts';
import { OAUTH_DEFAULTS } from '../space/oauth/endpoints.ts';
import { OAuthError, isOAuthError } from '../space/oauth/errors.ts';
import { OAUTH_SCOPE } from '../kinds/required-permissions.ts';
import { refresh, type TokenSet } from '../space/oauth/token.ts';
import { WorkerError, workerErrors } from './app-error.ts';
import { refreshBadge } from './badge.ts';
import {
  markSignInRefused, readAccessToken, readConnection, storeRefreshedTokens,
  type ConnectionRecord, type StoredAccessToken,
} from './connection-store.ts';
import { authorizeWithCode, isSigningIn, type LaunchRefusal } from './oauth-authorize.ts';
import type { Deps } from './platform.ts';

/**
 * Stored where a sign-in's refresh token would be when Space issued none (it does only the first time it exchanges
 * a code for this application and user: KT `OAuthAccessType`, NET `AccessType` [C]). Not a secret and never sent:
 * it keeps the connection's presence where the refresh token would keep it (session-only, Forget, the generation
 * check of `storeRefreshedTokens`). It has spaces, which no refresh token we accept can have (`readTokenSet`), so it
 * can't be mistaken for one; a silent re-authorization that brings a refresh token replaces it.
 */
export const NO_REFRESH_TOKEN = 'none: re-authorize silently';

/** Refresh this long before expiry (at most; see `refreshAtOf`). */
export const REFRESH_MARGIN_MS = 60_000;

/** When a token of this lifetime should be refreshed: 60 s before expiry, or after ¾ of a short lifetime. */
function refreshAtOf(tokens: Pick<TokenSet, 'expiresAt' | 'expiresInSec'>): number {
  return tokens.expiresAt - Math.min(REFRESH_MARGIN_MS, (tokens.expiresInSec * 1000) / 4);
}

/** The access token of a token answer, as stored (without its connection id). */
export function accessTokenOf(tokens: TokenSet): Omit<StoredAccessToken, 'connection'> {
  return { token: tokens.accessToken, expiresAt: tokens.expiresAt, refreshAt: refreshAtOf(tokens) };
}

/** connection id → the refresh in flight. In memory only: a stopped worker loses it, and nothing else. */
const inFlight = new Map<string, Promise<string>>();

/** Tests: what stopping the worker does to refreshes in flight. */
export function forgetRefreshesInFlight(): void {
  inFlight.clear();
}

export function oauthTokenSource(deps: Deps, record: ConnectionRecord): TokenSource {
  return {
    async token() {
      const stored = await readAccessToken(deps.platform, record.id);
      if (stored && deps.now() < stored.refreshAt) return stored.token;
      return refreshAccessToken(deps, record, stored?.token ?? null);
    },
    renew: (stale) => refreshAccessToken(deps, record, stale),
  };
}

/**
 * A fresh access token for `record`, sharing the refresh in flight if there is one. `stale`: the token the
 * caller found wanting (null: none stored); a newer stored token is used without another refresh.
 */
function refreshAccessToken(deps: Deps, record: ConnectionRecord, stale: string | null): Promise<string> {
  const running = inFlight.get(record.id);
  if (running) return running;
  const flight = refreshOnce(deps, record, stale).finally(() => {
    if (inFlight.get(record.id) === flight) inFlight.delete(record.id);
  });
  inFlight.set(record.id, flight);
  return flight;
}

async function refreshOnce(deps: Deps, record: ConnectionRecord, stale: string | null): Promise<string> {
  const { platform } = deps;
  const host = new URL(record.origin).host;
  // A flight that finished after this caller read its token already stored a newer one.
  const stored = await readAccessToken(platform, record.id);
  if (stored && stored.token !== stale && deps.now() < stored.refreshAt) return stored.token;
  const { record: current, token: refreshToken } = await readConnection(platform);
  if (!current || current.id !== record.id || current.method !== 'oauth' || refreshToken === null || current.clientId === null) {
    throw workerErrors.notConfigured();
  }
  const clientId = current.clientId;
  let tokens: TokenSet;
  try {
    tokens = refreshToken === NO_REFRESH_TOKEN
      ? await reauthorizeSilently(deps, current, clientId)
      // The scope the extension asked for at sign-in: Space requires one (refresh-token.html [C]). An update that asks
      // for more is refused (invalid_scope) and reads "sign in again", which is the consent it needs [I].
      : await refresh({ origin: current.origin, clientId, refreshToken, scope: OAUTH_SCOPE, now: deps.now });
  } catch (e) {
    if ((isOAuthError(e) && e.code === 'refresh-revoked') || (e instanceof WorkerError && e.error.code === 'sign-in-again')) {
      await noteSignInAgain(deps, current, refreshToken);
      throw workerErrors.signInAgain(host);
    }
    throw e;
  }
  await storeRefreshedTokens(platform, current, refreshToken, { access: accessTokenOf(tokens), refreshToken: tokens.refreshToken });
  return tokens.accessToken;
}

/**
 * Failures of a silent run that say nothing about the sign-in: try again later, keep everything. A redirect that
 * is not a usable answer (`bad-redirect`, `no-code`) is not one of them: it is this authorization that failed.
 */
const TRANSIENT: ReadonlySet<string> = new Set(['server', 'unreachable', 'timeout', 'cancelled', 'bad-response', 'clock-skew']);

function isTransient(e: OAuthError): boolean {
  return TRANSIENT.has(e.code) && !(e.code === 'bad-response' && (e.reason === 'bad-redirect' || e.reason === 'no-code'));
}

/**
 * New tokens for a sign-in without a refresh token: the authorization code flow again, not interactive — no window;
 * PKCE, state and redirect checks as at sign-in (`authorizeWithCode`). Throws `signInAgain` when Space wants the
 * user (interaction required, consent gone, another user signed in to Space in this browser, the identity
 * permission removed), the transient errors as they are.
 */
async function reauthorizeSilently(deps: Deps, record: ConnectionRecord, clientId: string): Promise<TokenSet> {
  const host = new URL(record.origin).host;
  const identity = deps.platform.identity;
  if (!identity) throw workerErrors.signInAgain(host);
  // Transient: the sign-in under way will replace this connection or fail; either way, try again later.
  if (isSigningIn()) throw workerErrors.signIn('in-progress', host);
  let tokens: TokenSet;
  try {
    tokens = await authorizeWithCode(deps, identity, {
      origin: record.origin, clientId, interactive: false, timeoutMs: OAUTH_DEFAULTS.timeoutMs,
      launchFailed: (why) => silentLaunchError(why, host),
    });
  } catch (e) {
    if (isOAuthError(e) && !isTransient(e)) throw workerErrors.signInAgain(host);
    throw e;
  }
  // The browser's Space session may now be someone else's: their token must not stand in for this sign-in.
  let username: string;
  try {
    username = (await deps.createClient({ origin: record.origin, token: tokens.accessToken }).me()).username;
  } catch (e) {
    if (isSpaceError(e) && e.code === 'unauthorized') throw workerErrors.signInAgain(host);
    throw e;
  }
  if (username !== record.identity?.username) throw workerErrors.signInAgain(host);
  return tokens;
}

/**
 * `launchWebAuthFlow({interactive: false})` rejected (`LaunchRefusal`): Space showed a page instead of redirecting —
 * the sign-in needs the user; Space is out of reach, which says nothing about the sign-in; or an interactive sign-in
 * is running (one flow at a time).
 */
function silentLaunchError(why: LaunchRefusal, host: string): unknown {
  if (why === 'in-progress') return workerErrors.signIn('in-progress', host);
  if (why === 'not-loaded') return new OAuthError('unreachable', { host });
  return workerErrors.signInAgain(host);
}

/**
 * Space refused `refusedToken`: the connection needs signing in again — unless it has changed meanwhile (a new
 * sign-in must not be marked by an old refusal). The useless access token goes; the refresh token stays until
 * the user signs in again or out (Check again retries it), like a rejected personal token.
 */
async function noteSignInAgain(deps: Deps, record: ConnectionRecord, refusedToken: string): Promise<void> {
  // The check and the writes in one queued operation (connection-store.ts): a refusal answered during Sign out or a
  // new sign-in marks nothing.
  if (await markSignInRefused(deps.platform, record.id, refusedToken)) await refreshBadge(deps.platform);
}
