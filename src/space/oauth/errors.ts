/**
 * The one error type of Sign in with Space (src/space/oauth/). As with SpaceError (src/space/errors.ts): no
 * prose — a page words it from the code and the details (English for Node callers: `describeOAuthError`,
 * describe.ts); `message` is the code. No field ever holds a token, a code, the verifier or text the server wrote
 * (`error_description` is never read).
 */
import { isSpaceError } from '../errors.ts';

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

/**
 * What a known OAuth `error` means wherever Space sends it: in the redirect and from the token endpoint alike. Each
 * step adds its own (`invalid_client` means another thing at each).
 */
export const OAUTH_ERROR_MEANING: Readonly<Record<string, OAuthErrorCode>> = {
  access_denied: 'access-denied',
  invalid_scope: 'invalid-scope',
  redirect_uri_mismatch: 'redirect-uri-mismatch',
  // The code flow refused for this application: "Require PKCE" / public clients not enabled.
  unauthorized_client: 'pkce-required',
};

/** `error` when it is a code we know, else undefined: nothing else the server wrote is kept. */
export function knownCode(error: unknown): string | undefined {
  return typeof error === 'string' && KNOWN_OAUTH_ERRORS.has(error) ? error : undefined;
}

export function oauthError(code: OAuthErrorCode, host: string | undefined, details: Omit<OAuthErrorDetails, 'host'> = {}): OAuthError {
  return new OAuthError(code, host === undefined ? details : { host, ...details });
}

/**
 * A SpaceError of the HTTP core (`SpaceHttp.send`) as an OAuthError: no answer (`cancelled`, `timeout`,
 * `unreachable`) or an answer that is not one (`bad-response`: a redirect, HTML, not JSON, too large) — the
 * codes and reasons both types share. Anything else is passed on as it is.
 */
export function fromSpaceError(e: unknown, host: string): unknown {
  return isSpaceError(e) ? oauthError(e.code as OAuthErrorCode, host, { status: e.status, reason: e.reason }) : e;
}
