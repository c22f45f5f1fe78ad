/**
 * The bearer of a "Sign in with Space" connection: the stored access token while it is fresh, otherwise one
 * refresh with the stored refresh token (space-api.md §8, `grant_type=refresh_token`).
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
 */
import type { TokenSource } from '../space/api.ts';
import { isOAuthError, refresh, type TokenSet } from '../space/oauth.ts';
import { failures } from './app-error.ts';
import { refreshBadge } from './badge.ts';
import {
  readAccessToken, readConnection, removeAccessToken, storeRefreshedTokens, updateConnection,
  type ConnectionRecord, type StoredAccessToken,
} from './connection-store.ts';
import type { Deps } from './platform.ts';

/** Refresh this long before expiry (at most; see `refreshAtOf`). */
export const REFRESH_MARGIN_MS = 60_000;

/** When a token of this lifetime should be refreshed: 60 s before expiry, or after ¾ of a short lifetime. */
export function refreshAtOf(tokens: Pick<TokenSet, 'expiresAt' | 'expiresInSec'>): number {
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
export function refreshAccessToken(deps: Deps, record: ConnectionRecord, stale: string | null): Promise<string> {
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
    throw failures.notConfigured();
  }
  let tokens: TokenSet;
  try {
    tokens = await refresh({ origin: current.origin, clientId: current.clientId, refreshToken, now: deps.now });
  } catch (e) {
    if (isOAuthError(e) && e.code === 'refresh-revoked') {
      await noteSignInAgain(deps, current, refreshToken);
      throw failures.signInAgain(host);
    }
    throw e;
  }
  await storeRefreshedTokens(platform, current, refreshToken, { access: accessTokenOf(tokens), refreshToken: tokens.refreshToken });
  return tokens.accessToken;
}

/**
 * Space refused `refusedToken`: the connection needs signing in again — unless it has changed meanwhile (a new
 * sign-in must not be marked by an old refusal). The useless access token goes; the refresh token stays until
 * the user signs in again or out (Check again retries it), like a rejected personal token.
 */
async function noteSignInAgain(deps: Deps, record: ConnectionRecord, refusedToken: string): Promise<void> {
  const { platform } = deps;
  const current = await readConnection(platform);
  if (current.record?.id !== record.id || current.token !== refusedToken) return;
  await updateConnection(platform, record.id, { auth: 'rejected' });
  await removeAccessToken(platform, record.id);
  await refreshBadge(platform);
}
