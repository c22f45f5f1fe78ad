/**
 * Where Space's OAuth endpoints are (space-api.md §8), the limits of a call to them, and the one HTTP core they
 * go through (`SpaceHttp`: timeout, cancellation, size cap, no cookies, no redirects followed, no cache).
 */
import { SpaceHttp } from '../http.ts';

export const OAUTH_PATHS = {
  /** space-api.md §1 [C] (KT SpaceServerLocation, NET SpaceDefaults). */
  authorize: '/oauth/auth',
  token: '/oauth/token',
  /**
   * Under /api/http: "Remove caller's own refresh token. This will require the client to re-authenticate."
   * (OAS 2024.3, `DELETE /team-directory/profiles/oauth-consents/me/refresh-tokens/self`) [C that it exists;
   * I that the access token of the call identifies which refresh token].
   */
  revokeSelf: '/team-directory/profiles/oauth-consents/me/refresh-tokens/self',
} as const;

export const OAUTH_DEFAULTS = {
  timeoutMs: 15_000,
  /** Token answers are a few hundred bytes; anything this big is not one. */
  maxTokenBodyBytes: 64 * 1024,
  /**
   * How far the server's `Date` may be from the local clock before `clockSkewSuspected` says so. Five minutes is
   * the usual tolerance of token validators (Kerberos, most JWT libraries) [I].
   */
  clockSkewToleranceMs: 5 * 60_000,
} as const;

/** What every call to an OAuth endpoint takes besides its own parameters. */
export interface OAuthCall {
  /** Canonical Space origin (normalizeBaseUrl), e.g. `https://space.example.com`. */
  origin: string;
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The request core for one OAuth call: never retried (a code is single-use; the worker decides about
 * refreshes). `token` only for the API call among them (revoke); the others send none (`SpaceHttp.send`).
 */
export function oauthHttp(call: OAuthCall, token = ''): SpaceHttp {
  assertOrigin(call.origin);
  return new SpaceHttp({
    origin: call.origin,
    token,
    fetch: call.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: call.timeoutMs ?? OAUTH_DEFAULTS.timeoutMs,
    retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0, totalBudgetMs: 0 },
    maxBodyBytes: OAUTH_DEFAULTS.maxTokenBodyBytes,
  });
}

export function assertOrigin(origin: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(origin);
  } catch {
    // Reported below.
  }
  if (parsed?.origin !== origin || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new TypeError('origin must be a canonical origin such as https://space.example.com');
  }
}
