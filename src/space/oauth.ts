/**
 * Sign in with Space: OAuth 2.0 authorization code flow with PKCE for a public client (space-api.md §8).
 * Pure TypeScript (WebCrypto, fetch, URL): runs in the service worker and in Node alike; the extension side
 * (identity.launchWebAuthFlow, storage, the refresh schedule) lives elsewhere.
 *
 *   1. `createPkce()` + `randomState()`, then `authorizeUrl(…)` → the browser's auth window.
 *   2. `parseRedirect(finalUrl, state)` → `{code}`.
 *   3. `exchangeCode(…)` → tokens; later `refresh(…)`; on sign-out `revokeRefreshToken(…)`.
 *
 * Invariants: no OAuthError field (nor its message, which is the code) ever holds a token, a code, the verifier or
 * any text the server wrote (`error_description` is never read). Token requests are never retried here: a code is
 * single-use, and the caller (the worker's single-flight refresh) decides about refreshes.
 */
import { SpaceHttp } from './http.ts';
import { discard, readCappedBody } from './read-body.ts';
import { OAUTH_SCOPE } from './oauth-scope.ts';

// ---------------------------------------------------------------------------------------------------------------
// Scope and paths

/** The scope the extension asks for (oauth-scope.ts): exactly the read permissions it uses, in the global context. */
export { OAUTH_SCOPE };

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

// ---------------------------------------------------------------------------------------------------------------
// Errors

export type OAuthErrorCode =
  /** The redirect's `state` is missing or not ours: stale or forged; nothing in it is trusted. */
  | 'state-mismatch'
  /** The user chose Deny in Space (`error=access_denied`). */
  | 'access-denied'
  /** Space doesn't know the client ID (only `diagnoseAuthorize` or an `invalid_client` redirect can tell). */
  | 'invalid-client'
  /** The redirect URI isn't registered for the application (`diagnoseAuthorize`, or a redirect/token error saying so). */
  | 'redirect-uri-mismatch'
  /**
   * The application isn't set up for a browser app: Space wants a client secret at the token endpoint
   * (`invalid_client` / 401 there) or refuses the code flow for it (`unauthorized_client`). The fix is in the
   * application's settings: Authorization Code Flow with "Require PKCE" and "Allow public (untrusted) clients"
   * (DOC single-org-applications.html [C for the settings; I that this is what their absence looks like]).
   */
  | 'pkce-required'
  /** The code was refused (`invalid_grant`): expired, already used, verifier or redirect URI not matching. */
  | 'invalid-grant'
  /** Space refused the requested permissions (`invalid_scope`). */
  | 'invalid-scope'
  /** Space refused our token request as malformed (`invalid_request`, `unsupported_grant_type`, another 400). */
  | 'invalid-request'
  /** The authorization step failed for another reason Space named in the redirect (`invalid_request`…). */
  | 'authorize-failed'
  /** Refresh refused: any 400/401 from /oauth/token on refresh, e.g. "Refresh token associated with the access token is revoked". */
  | 'refresh-revoked'
  /** A token born expired (`expires_in` ≤ 0): the server's clocks and ours disagree. See `clockSkewSuspected` too. */
  | 'clock-skew'
  /** 5xx or 429 (or `server_error` / `temporarily_unavailable`): transient; keep every token and try later. */
  | 'server'
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  /** Not an OAuth answer: HTML, not JSON, too large, a redirect, a missing field, an unexpected status. */
  | 'bad-response';

export interface OAuthErrorDetails {
  /** The Space host it is about (`space.example.com`); absent when unknown (a redirect parsed without the origin). */
  host?: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /**
   * The server's OAuth `error` code when it is one of the known codes (RFC 6749 §4.1.2.1, §5.2, plus Space's own
   * codes of space-api.md §5): safe to log and show, never free text. Absent for anything else.
   */
  oauthError?: string;
  /**
   * For bad-response: `html`, `not-json`, `too-large`, `redirect`, `unexpected-status`, `bad-redirect`, `no-code`,
   * `shape:<field>`. For clock-skew: `expires-in` (what the evidence was).
   */
  reason?: string;
}

/**
 * The one error type of this module. As with SpaceError (errors.ts): no prose — a page words it from the code and
 * the details (English for Node callers: `describeOAuthError`, oauth-describe.ts); `message` is the code. No field
 * ever holds a token, a code, the verifier or text the server wrote.
 */
export class OAuthError extends Error implements OAuthErrorDetails {
  override readonly name = 'OAuthError';
  readonly code: OAuthErrorCode;
  declare readonly host?: string;
  declare readonly status?: number;
  declare readonly oauthError?: string;
  declare readonly reason?: string;

  constructor(code: OAuthErrorCode, details: OAuthErrorDetails = {}) {
    super(code);
    this.code = code;
    for (const [key, value] of Object.entries(details)) {
      if (value !== undefined) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }
}

export function isOAuthError(e: unknown): e is OAuthError {
  return e instanceof OAuthError;
}

/** Codes we recognise; only these are ever copied into `OAuthError.oauthError`. */
const KNOWN_OAUTH_ERRORS = new Set([
  'invalid_request', 'unauthorized_client', 'access_denied', 'unsupported_response_type', 'invalid_scope',
  'server_error', 'temporarily_unavailable', 'invalid_client', 'invalid_grant', 'unsupported_grant_type',
  // Not in RFC 6749 but common (GitHub, Google); the demo server uses it for an unregistered redirect URI [I].
  'redirect_uri_mismatch',
  // Space's own codes (space-api.md §5 [C]), which its SDK also reads from /oauth/token answers (KT `auth()`).
  'authentication-required', 'validation-error', 'request-error', 'permission-denied', 'rate-limited',
  'internal-server-error',
]);

function knownCode(error: unknown): string | undefined {
  return typeof error === 'string' && KNOWN_OAUTH_ERRORS.has(error) ? error : undefined;
}

function failure(code: OAuthErrorCode, host: string | undefined, details: Omit<OAuthErrorDetails, 'host'> = {}): OAuthError {
  return new OAuthError(code, host === undefined ? details : { host, ...details });
}

// ---------------------------------------------------------------------------------------------------------------
// PKCE (RFC 7636)

/** base64url without padding (RFC 4648 §5), as RFC 7636 uses it. No Buffer: runs in service workers. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636 §4.1: 43–128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export function isValidVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

type RandomFill = (bytes: Uint8Array) => Uint8Array;
const cryptoRandom: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** 32 random bytes, base64url: 43 characters (RFC 7636 §4.1's recommendation; KT does the same, space-api.md §8). */
export function randomVerifier(random: RandomFill = cryptoRandom): string {
  return base64url(random(new Uint8Array(32)));
}

/** `BASE64URL(SHA256(ASCII(verifier)))` (RFC 7636 §4.2, S256). */
export async function pkceChallenge(verifier: string): Promise<string> {
  if (!isValidVerifier(verifier)) throw new TypeError('PKCE verifier must be 43–128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface Pkce {
  verifier: string;
  /** S256 challenge of `verifier`. */
  challenge: string;
}

export async function createPkce(random: RandomFill = cryptoRandom): Promise<Pkce> {
  const verifier = randomVerifier(random);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** 16 random bytes, base64url (22 characters): the `state` that ties the redirect to this sign-in. */
export function randomState(random: RandomFill = cryptoRandom): string {
  return base64url(random(new Uint8Array(16)));
}

// ---------------------------------------------------------------------------------------------------------------
// Authorization request and redirect

export interface AuthorizeParams {
  /** Canonical Space origin (normalizeBaseUrl), e.g. `https://space.example.com`. */
  origin: string;
  clientId: string;
  /** `identity.getRedirectURL()`; must be registered in the Space application. */
  redirectUri: string;
  /** Usually OAUTH_SCOPE. */
  scope: string;
  state: string;
  /** S256 challenge (`createPkce().challenge`). */
  challenge: string;
}

/**
 * `GET <origin>/oauth/auth?response_type=code&client_id=…&redirect_uri=…&scope=…&state=…&request_credentials=default
 * &access_type=offline&code_challenge=…&code_challenge_method=S256` (space-api.md §8 [C]). `access_type=offline` makes
 * Space issue a refresh token — only the first time it exchanges a code for this application and user (KT
 * `OAuthAccessType`, NET `AccessType` [C]), so a second browser may get none. `request_credentials=default` is what the
 * .NET SDK always sends and KT offers: a user signed in to Space with consent given is let through without a page (KT
 * `OAuthRequestCredentials.DEFAULT` [C]), which is what a silent re-authorization relies on (`skip` and `silent`, named
 * on the implicit flow's page, are [U] and not sent). Values are percent-encoded with `%20` for spaces, which every
 * query parser reads.
 */
export function authorizeUrl(params: AuthorizeParams): string {
  assertOrigin(params.origin);
  for (const key of ['clientId', 'redirectUri', 'scope', 'state'] as const) {
    if (params[key].trim() === '') throw new TypeError(`${key} must not be empty`);
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(params.challenge)) throw new TypeError('challenge must be an S256 PKCE challenge');
  const query: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', params.clientId],
    ['redirect_uri', params.redirectUri],
    ['scope', params.scope],
    ['state', params.state],
    ['request_credentials', 'default'],
    ['access_type', 'offline'],
    ['code_challenge', params.challenge],
    ['code_challenge_method', 'S256'],
  ];
  return `${params.origin}${OAUTH_PATHS.authorize}?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/**
 * Reads the URL the auth window ended on (launchWebAuthFlow's answer): `?code=…&state=…`, or `?error=…&state=…`
 * (space-api.md §8 [C], UNF). With `redirectUri`, the answer must be that URI plus a query (the browser only ends
 * the flow there, so anything else is not an answer to this request). The state is checked next — an answer that
 * isn't ours is not believed, whatever it says. Throws OAuthError; `error_description` is never read. `origin`
 * (the Space origin) only fills in `host`.
 */
export function parseRedirect(url: string, expectedState: string, origin?: string, redirectUri?: string): { code: string } {
  const host = origin === undefined ? undefined : hostOf(origin);
  let answer: URL;
  try {
    answer = new URL(url);
  } catch {
    throw failure('bad-response', host, { reason: 'bad-redirect' });
  }
  if (redirectUri !== undefined && `${answer.origin}${answer.pathname}` !== redirectUri) {
    throw failure('bad-response', host, { reason: 'bad-redirect' });
  }
  const params = answer.searchParams;
  const state = params.get('state');
  if (expectedState === '' || state !== expectedState) throw failure('state-mismatch', host);
  const error = params.get('error');
  if (error !== null) {
    const code = knownCode(error);
    switch (code) {
      case 'access_denied': throw failure('access-denied', host, { oauthError: code });
      case 'invalid_scope': throw failure('invalid-scope', host, { oauthError: code });
      case 'invalid_client': throw failure('invalid-client', host, { oauthError: code });
      case 'redirect_uri_mismatch': throw failure('redirect-uri-mismatch', host, { oauthError: code });
      case 'unauthorized_client': throw failure('pkce-required', host, { oauthError: code });
      case 'server_error':
      case 'temporarily_unavailable': throw failure('server', host, { oauthError: code });
      default: throw failure('authorize-failed', host, { oauthError: code });
    }
  }
  const code = params.get('code');
  // A code is an opaque string (RFC 6749 §4.1.2); anything empty or absurdly long is not one.
  if (code === null || code === '' || code.length > 4096) throw failure('bad-response', host, { reason: 'no-code' });
  return { code };
}

// ---------------------------------------------------------------------------------------------------------------
// Token endpoint

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

interface TokenCallBase {
  origin: string;
  clientId: string;
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Injected in tests; defaults to Date.now. */
  now?: () => number;
}

export interface ExchangeParams extends TokenCallBase {
  code: string;
  /** The exact redirect URI of the authorization request. */
  redirectUri: string;
  verifier: string;
}

export interface RefreshParams extends TokenCallBase {
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
 * network failures are transient (`server`, `timeout`, `unreachable`) and must not sign the user out. Exactly one
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

async function tokenRequest(params: TokenCallBase, grant: Grant, form: [string, string][]): Promise<TokenSet> {
  assertOrigin(params.origin);
  if (params.clientId.trim() === '') throw new TypeError('clientId must not be empty');
  const host = new URL(params.origin).host;
  const now = params.now ?? Date.now;
  const fetchFn = params.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = params.timeoutMs ?? OAUTH_DEFAULTS.timeoutMs;
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const signal = params.signal ? AbortSignal.any([params.signal, timeoutSignal]) : timeoutSignal;
  if (params.signal?.aborted) throw failure('cancelled', host);

  let response: Response;
  try {
    response = await fetchFn(`${params.origin}${OAUTH_PATHS.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
      // As in http.ts: no cookies (a Space session cookie must not stand in for the client), no redirect
      // followed (it could carry the code elsewhere), no cache (RFC 6749 §5.1 says no-store anyway).
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
  } catch {
    throw networkFailure(params.signal, timeoutSignal, host);
  }

  try {
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await discard(response);
      throw failure('bad-response', host, { reason: 'redirect', ...(response.status ? { status: response.status } : {}) });
    }
    if (response.status >= 200 && response.status < 300) return await readTokenSet(response, host, now);
    throw await tokenFailure(response, host, grant);
  } catch (e) {
    if (e instanceof OAuthError) throw e;
    // The body stream failed (connection dropped mid-answer, or the timeout fired while reading).
    throw networkFailure(params.signal, timeoutSignal, host);
  }
}

function networkFailure(caller: AbortSignal | undefined, timeout: AbortSignal, host: string): OAuthError {
  if (caller?.aborted) return failure('cancelled', host);
  if (timeout.aborted) return failure('timeout', host);
  return failure('unreachable', host);
}

async function readJsonBody(response: Response, host: string): Promise<unknown> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    await discard(response);
    throw failure('bad-response', host, { reason: 'html', status: response.status });
  }
  const body = await readCappedBody(response, OAUTH_DEFAULTS.maxTokenBodyBytes);
  if (!body.ok) throw failure('bad-response', host, { reason: 'too-large', status: response.status });
  try {
    return JSON.parse(new TextDecoder().decode(body.bytes)) as unknown;
  } catch {
    throw failure('bad-response', host, { reason: 'not-json', status: response.status });
  }
}

/** Longest token we accept: Space's are JWT-like and well under this [I]; this only stops absurd answers. */
const MAX_TOKEN_LENGTH = 16 * 1024;

async function readTokenSet(response: Response, host: string, now: () => number): Promise<TokenSet> {
  const receivedAt = now();
  const json = await readJsonBody(response, host);
  const bad = (field: string): OAuthError => failure('bad-response', host, { reason: `shape:${field}`, status: response.status });
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
  if (rawExpires <= 0) throw failure('clock-skew', host, { status: response.status, reason: 'expires-in' });
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
  return {
    accessToken,
    expiresInSec,
    expiresAt: receivedAt + expiresInSec * 1000,
    refreshToken,
    scope,
    receivedAt,
    serverClockOffsetMs: clockOffset(response.headers.get('date'), receivedAt),
  };
}

function clockOffset(dateHeader: string | null, localMs: number): number | null {
  if (dateHeader === null) return null;
  const serverMs = Date.parse(dateHeader);
  return Number.isFinite(serverMs) ? serverMs - localMs : null;
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
 * A non-2xx answer of /oauth/token. The body is `{error, error_description}` (RFC 6749 §5.2; Space's SDK parses
 * token answers with its API error codes too, space-api.md §5 [C]); only `error` is read, and only known codes.
 */
async function tokenFailure(response: Response, host: string, grant: Grant): Promise<OAuthError> {
  const { status } = response;
  let error: string | undefined;
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('json')) {
    try {
      const json = await readJsonBody(response, host);
      if (typeof json === 'object' && json !== null) error = knownCode((json as Record<string, unknown>).error);
    } catch {
      // An unreadable error body: decide by status alone.
    }
  } else {
    await discard(response);
  }
  const details = { status, oauthError: error };

  if (status === 429 || status >= 500) return failure('server', host, details);
  if (grant === 'refresh') {
    // The issue's rule: any 400/401 from /oauth/token on refresh means the refresh token is no good
    // ("Refresh token associated with the access token is revoked", invalid_grant, invalid_client…).
    if (status === 400 || status === 401) return failure('refresh-revoked', host, details);
    return failure('bad-response', host, { ...details, reason: 'unexpected-status' });
  }
  // Space's own codes too (its SDK reads /oauth/token errors with them, KT `auth()` [C]). Which one Space sends for
  // an expired, reused or mismatched code is [U]; `validation-error` and `authentication-required` name the grant,
  // not the client — the client ID was just accepted by /oauth/auth — so neither may read as "enable public
  // clients" [I].
  switch (error) {
    case 'invalid_grant':
    case 'validation-error':
    case 'authentication-required': return failure('invalid-grant', host, details);
    case 'request-error': return failure('invalid-request', host, details);
    // The code was issued to this client ID a moment ago, so Space knows it: "client authentication failed" here
    // means Space wants a secret — public clients are not allowed for the application.
    case 'invalid_client':
    case 'unauthorized_client': return failure('pkce-required', host, details);
    case 'redirect_uri_mismatch': return failure('redirect-uri-mismatch', host, details);
    case 'invalid_scope': return failure('invalid-scope', host, details);
    case 'access_denied': return failure('access-denied', host, details);
    default: break;
  }
  if (status === 401) return failure('pkce-required', host, details);
  if (status === 400) return failure('invalid-request', host, details);
  return failure('bad-response', host, { ...details, reason: 'unexpected-status' });
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnosis of a failed authorization window

export interface DiagnoseParams {
  origin: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * After the auth window was closed without a redirect: asks `/oauth/auth` once more, without cookies and without
 * following redirects, with `Accept: application/json`, to learn whether the client ID or the redirect URI was the
 * problem. An authorization server must not redirect for either (RFC 6749 §4.1.2.1), so the user only saw an error
 * page. Returns `invalid-client` / `redirect-uri-mismatch` when the answer says so, `unreachable` / `timeout` when
 * there was none, and null when nothing is wrong as far as it can tell (a redirect to a login page or to the
 * redirect URI, a 2xx page, or an error it can't place). [I]/[U]: whether real Space answers an anonymous request
 * with such an error before sending it to its login page; the demo server does (400 `invalid_client` /
 * `redirect_uri_mismatch`). The throwaway `state` and challenge are never used again, and no code is issued
 * without consent.
 */
export async function diagnoseAuthorize(params: DiagnoseParams): Promise<OAuthError | null> {
  assertOrigin(params.origin);
  const host = new URL(params.origin).host;
  const { challenge } = await createPkce();
  const url = authorizeUrl({ ...params, state: randomState(), challenge });
  const fetchFn = params.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutSignal = AbortSignal.timeout(params.timeoutMs ?? OAUTH_DEFAULTS.timeoutMs);
  const signal = params.signal ? AbortSignal.any([params.signal, timeoutSignal]) : timeoutSignal;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'GET', headers: { Accept: 'application/json' }, credentials: 'omit', redirect: 'manual', cache: 'no-store',
      referrerPolicy: 'no-referrer', signal,
    });
  } catch {
    return networkFailure(params.signal, timeoutSignal, host);
  }
  try {
    if (response.status < 400 || response.status >= 500) return null;
    const json = await readJsonBody(response, host).catch(() => null);
    const error = typeof json === 'object' && json !== null ? knownCode((json as Record<string, unknown>).error) : null;
    if (error === 'invalid_client') return failure('invalid-client', host, { status: response.status, oauthError: error });
    if (error === 'redirect_uri_mismatch') return failure('redirect-uri-mismatch', host, { status: response.status, oauthError: error });
    return null;
  } finally {
    await discard(response);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-out

export interface RevokeParams {
  origin: string;
  /** A current access token of this sign-in (refresh first if it has expired). */
  accessToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * `DELETE /api/http/team-directory/profiles/oauth-consents/me/refresh-tokens/self` with the access token: Space
 * forgets the refresh token, so a copy left anywhere is worthless. One attempt, through the API client's request
 * core, so failures are `SpaceError`s as for any API call. Sign-out should forget both tokens locally whatever
 * this answers.
 */
export async function revokeRefreshToken(params: RevokeParams): Promise<void> {
  assertOrigin(params.origin);
  const http = new SpaceHttp({
    origin: params.origin,
    token: params.accessToken,
    fetch: params.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: params.timeoutMs ?? OAUTH_DEFAULTS.timeoutMs,
    retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0, totalBudgetMs: 0 },
    maxBodyBytes: OAUTH_DEFAULTS.maxTokenBodyBytes,
  });
  await http.delete({ path: OAUTH_PATHS.revokeSelf, op: 'revokeToken', ...(params.signal ? { signal: params.signal } : {}) });
}

// ---------------------------------------------------------------------------------------------------------------

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function assertOrigin(origin: string): void {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new TypeError('origin must be a canonical origin such as https://space.example.com');
  }
  if (parsed.origin !== origin || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new TypeError('origin must be a canonical origin such as https://space.example.com');
  }
}
