/**
 * The token endpoint of Sign in with Space (space-api.md §8): a code exchanged for tokens, a refresh token for a
 * new access token. Pure TypeScript: runs in the service worker and in Node alike; the worker's single-flight
 * refresh and its schedule live in src/background/oauth-tokens.ts.
 *
 * Invariants: no OAuthError field ever holds a token, a code, the verifier or text the server wrote. Token
 * requests are never retried here: a code is single-use, and the caller decides about refreshes.
 */
import { OAUTH_DEFAULTS, OAUTH_PATHS, oauthHttp, type OAuthCall } from './endpoints.ts';
import { OAUTH_ERROR_MEANING, fromSpaceError, knownCode, oauthError, type OAuthError, type OAuthErrorCode } from './errors.ts';
import { isValidVerifier } from './pkce.ts';

export interface TokenSet {
  accessToken: string;
  /** Seconds, as Space sent it (> 0). */
  expiresInSec: number;
  /**
   * Local-clock epoch ms when the token expires: time of receipt + `expires_in`. Computed on our clock, as KT
   * does (`responseTime + expires_in`), so a skewed clock can't make the worker refresh late.
   */
  expiresAt: number;
  /** Present for `access_type=offline` (space-api.md §8 [C]); on refresh, absent means "keep the one you have". */
  refreshToken: string | null;
  /** The scope Space says it granted, when it says ([U] whether Space sends it). */
  scope: string | null;
  /** Local-clock epoch ms when the answer arrived. */
  receivedAt: number;
  /**
   * Server clock minus local clock in ms, from the answer's `Date` header; null when absent or unreadable.
   * Evidence for `clockSkewSuspected` (a `Date` header has 1-second resolution and includes transit time).
   */
  serverClockOffsetMs: number | null;
}

interface TokenCall extends OAuthCall {
  clientId: string;
  /** Injected in tests; defaults to Date.now. */
  now?: () => number;
}

export interface ExchangeParams extends TokenCall {
  code: string;
  /** The exact redirect URI of the authorization request. */
  redirectUri: string;
  verifier: string;
}

export interface RefreshParams extends TokenCall {
  refreshToken: string;
  /**
   * The scope to refresh for: the one granted (OAUTH_SCOPE), or a narrower one. Required: Space's "Refresh Token
   * Flow" help page lists `scope` as a required parameter of `grant_type=refresh_token` (DOC refresh-token.html [C]);
   * the .NET SDK always sends the configured scope (NET `SpaceTokenManagementCookieEvents` [C]), KT when given.
   */
  scope: string;
}

/**
 * `POST <origin>/oauth/token` `grant_type=authorization_code&code=…&redirect_uri=…&code_verifier=…&client_id=…`:
 * public client, so `client_id` in the body and no Authorization header (space-api.md §8 [C], KT
 * `exchangeAuthCodeForToken`). Exactly one attempt.
 */
export async function exchangeCode(params: ExchangeParams): Promise<TokenSet> {
  if (!isValidVerifier(params.verifier)) throw new TypeError('PKCE verifier must be 43–128 unreserved characters');
  if (params.code === '' || params.redirectUri === '') throw new TypeError('code and redirectUri must not be empty');
  return tokenRequest(params, 'exchange', [
    ['grant_type', 'authorization_code'],
    ['code', params.code],
    ['redirect_uri', params.redirectUri],
    ['code_verifier', params.verifier],
    ['client_id', params.clientId],
  ]);
}

/**
 * `POST <origin>/oauth/token` `grant_type=refresh_token&refresh_token=…&scope=…&client_id=…` (space-api.md §8 [C],
 * KT `SpaceAuth.RefreshToken`, DOC refresh-token.html). Any 400/401 is `refresh-revoked`; 5xx/429, timeouts and
 * network errors are transient (`server`, `timeout`, `unreachable`) and must not sign the user out. Exactly one
 * attempt.
 */
export async function refresh(params: RefreshParams): Promise<TokenSet> {
  if (params.refreshToken === '') throw new TypeError('refreshToken must not be empty');
  if (params.scope.trim() === '') throw new TypeError('scope must not be empty');
  return tokenRequest(params, 'refresh', [
    ['grant_type', 'refresh_token'],
    ['refresh_token', params.refreshToken],
    ['scope', params.scope],
    ['client_id', params.clientId],
  ]);
}

type Grant = 'exchange' | 'refresh';

/**
 * Through the API's request core (`SpaceHttp.send`): no cookies (a Space session cookie must not stand in for the
 * client), no redirect followed (it could carry the code elsewhere), no cache (RFC 6749 §5.1 says no-store anyway).
 */
async function tokenRequest(params: TokenCall, grant: Grant, form: [string, string][]): Promise<TokenSet> {
  const http = oauthHttp(params);
  if (params.clientId.trim() === '') throw new TypeError('clientId must not be empty');
  const answer = await http.send({
    url: `${params.origin}${OAUTH_PATHS.token}`, form, json: true, ...(params.signal ? { signal: params.signal } : {}),
  }).catch((e: unknown) => {
    throw fromSpaceError(e, http.host);
  });
  if (!answer.ok) throw tokenError(answer.status, knownCode(answer.error), http.host, grant);
  return readTokenSet(answer.json, answer.status, answer.date, http.host, (params.now ?? Date.now)());
}

/** Longest token we accept: Space's are JWT-like and well under this [I]; this only stops absurd answers. */
const MAX_TOKEN_LENGTH = 16 * 1024;

function readTokenSet(json: unknown, status: number, date: string | null, host: string, receivedAt: number): TokenSet {
  const bad = (field: string): OAuthError => oauthError('bad-response', host, { reason: `shape:${field}`, status });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('body');
  const body = json as Record<string, unknown>;

  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || accessToken === '' || accessToken.length > MAX_TOKEN_LENGTH || /\s/.test(accessToken)) {
    throw bad('access_token');
  }
  // RFC 6749 §5.1: token_type is REQUIRED and we can only use Bearer; Space's SDK doesn't read it, so absent is fine [I].
  if (body.token_type !== undefined && (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer')) {
    throw bad('token_type');
  }
  // A number per RFC 6749 §5.1 (KT reads it as one [C]); a numeric string is tolerated.
  const rawExpires = typeof body.expires_in === 'string' && /^-?\d{1,10}$/.test(body.expires_in) ? Number(body.expires_in) : body.expires_in;
  if (typeof rawExpires !== 'number' || !Number.isFinite(rawExpires)) throw bad('expires_in');
  // Evidence for clock skew: Space counts `expires_in` from its own clock; a token that is already expired when
  // issued means its clocks disagree with each other or with what issued the code [I]. Nothing else explains it.
  if (rawExpires <= 0) throw oauthError('clock-skew', host, { status, reason: 'expires-in' });
  const expiresInSec = Math.floor(rawExpires);

  let refreshToken: string | null = null;
  if (body.refresh_token !== undefined && body.refresh_token !== null) {
    const r = body.refresh_token;
    if (typeof r !== 'string' || r === '' || r.length > MAX_TOKEN_LENGTH || /\s/.test(r)) throw bad('refresh_token');
    refreshToken = r;
  }
  let scope: string | null = null;
  if (body.scope !== undefined && body.scope !== null) {
    if (typeof body.scope !== 'string') throw bad('scope');
    scope = body.scope;
  }
  const serverMs = date === null ? NaN : Date.parse(date);
  return {
    accessToken,
    expiresInSec,
    expiresAt: receivedAt + expiresInSec * 1000,
    refreshToken,
    scope,
    receivedAt,
    serverClockOffsetMs: Number.isFinite(serverMs) ? serverMs - receivedAt : null,
  };
}

/**
 * Whether a token answer's `Date` header puts the server's clock further than `toleranceMs` from ours. The token
 * lifetime doesn't depend on it (expiresAt uses our clock), so this is for explaining a fresh token that Space
 * then calls expired: with a large offset, say "clock skew" rather than "signed out".
 */
export function clockSkewSuspected(tokens: Pick<TokenSet, 'serverClockOffsetMs'>, toleranceMs: number = OAUTH_DEFAULTS.clockSkewToleranceMs): boolean {
  return tokens.serverClockOffsetMs !== null && Math.abs(tokens.serverClockOffsetMs) > toleranceMs;
}

/**
 * An `error` of the token endpoint when exchanging a code. Space's own codes too (its SDK reads /oauth/token errors
 * with them, KT `auth()` [C]). Which one Space sends for an expired, reused or mismatched code is [U];
 * `validation-error` and `authentication-required` name the grant, not the client — the client ID was just accepted
 * by /oauth/auth — so neither may read as "enable public clients" [I].
 */
const EXCHANGE_ERRORS: Readonly<Record<string, OAuthErrorCode>> = {
  ...OAUTH_ERROR_MEANING,
  invalid_grant: 'invalid-grant',
  'validation-error': 'invalid-grant',
  'authentication-required': 'invalid-grant',
  'request-error': 'invalid-request',
  // The code was issued to this client ID a moment ago, so Space knows it: "client authentication failed" here
  // means Space wants a secret — public clients are not allowed for the application.
  invalid_client: 'pkce-required',
};

/**
 * A non-2xx answer of /oauth/token. The body is `{error, error_description}` (RFC 6749 §5.2; Space's SDK parses
 * token answers with its API error codes too, space-api.md §5 [C]); only `error` is read, and only known codes.
 */
function tokenError(status: number, error: string | undefined, host: string, grant: Grant): OAuthError {
  const details = { status, oauthError: error };
  if (status === 429 || status >= 500) return oauthError('server', host, details);
  if (grant === 'refresh') {
    // The rule: any 400/401 from /oauth/token on refresh means the refresh token is no good
    // ("Refresh token associated with the access token is revoked", invalid_grant, invalid_client…).
    if (status === 400 || status === 401) return oauthError('refresh-revoked', host, details);
    return oauthError('bad-response', host, { ...details, reason: 'unexpected-status' });
  }
  const byCode = error && EXCHANGE_ERRORS[error];
  if (byCode) return oauthError(byCode, host, details);
  if (status === 401) return oauthError('pkce-required', host, details);
  if (status === 400) return oauthError('invalid-request', host, details);
  return oauthError('bad-response', host, { ...details, reason: 'unexpected-status' });
}
