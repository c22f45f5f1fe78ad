/**
 * The authorization step of Sign in with Space (OAuth 2.0 code flow with PKCE for a public client, space-api.md
 * §8): the URL the browser's auth window opens, the redirect it ends on, and what to say when it ended on none.
 * The extension side (identity.launchWebAuthFlow) lives in src/background.
 */
import { createPkce, randomState } from './pkce.ts';
import { OAUTH_PATHS, assertOrigin, oauthHttp, type OAuthCall } from './endpoints.ts';
import { OAUTH_ERROR_MEANING, fromSpaceError, knownCode, oauthError, type OAuthError, type OAuthErrorCode } from './errors.ts';
import { encodeComponent } from '../uri-component.ts';

export interface AuthorizeParams {
  /** Canonical Space origin (normalizeBaseUrl), e.g. `https://space.example.com`. */
  origin: string;
  clientId: string;
  /** `identity.getRedirectURL()`; must be registered in the Space application. */
  redirectUri: string;
  /** Usually OAUTH_SCOPE (scope.ts). */
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
  return `${params.origin}${OAUTH_PATHS.authorize}?${query.map(([k, v]) => `${k}=${encodeComponent(v)}`).join('&')}`;
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
    throw oauthError('bad-response', host, { reason: 'bad-redirect' });
  }
  if (redirectUri !== undefined && `${answer.origin}${answer.pathname}` !== redirectUri) {
    throw oauthError('bad-response', host, { reason: 'bad-redirect' });
  }
  const params = answer.searchParams;
  const state = params.get('state');
  if (expectedState === '' || state !== expectedState) throw oauthError('state-mismatch', host);
  const error = params.get('error');
  if (error !== null) {
    const code = knownCode(error);
    throw oauthError((code && REDIRECT_ERRORS[code]) || 'authorize-failed', host, { oauthError: code });
  }
  const code = params.get('code');
  // A code is an opaque string (RFC 6749 §4.1.2); anything empty or absurdly long is not one.
  if (code === null || code === '' || code.length > 4096) throw oauthError('bad-response', host, { reason: 'no-code' });
  return { code };
}

/** An `error` in the redirect (RFC 6749 §4.1.2.1); any other is `authorize-failed`. */
const REDIRECT_ERRORS: Readonly<Record<string, OAuthErrorCode>> = {
  ...OAUTH_ERROR_MEANING,
  // Said in the redirect, it can only mean the client ID (after the code was issued it means a secret is wanted).
  invalid_client: 'invalid-client',
  server_error: 'server',
  temporarily_unavailable: 'server',
};

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export interface DiagnoseParams extends OAuthCall {
  clientId: string;
  redirectUri: string;
  scope: string;
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
  const http = oauthHttp(params);
  const { challenge } = await createPkce();
  const url = authorizeUrl({ ...params, state: randomState(), challenge });
  try {
    const answer = await http.send({ url, json: false, ...(params.signal ? { signal: params.signal } : {}) });
    if (answer.ok || answer.status >= 500) return null;
    const error = knownCode(answer.error);
    if (error === 'invalid_client') return oauthError('invalid-client', http.host, { status: answer.status, oauthError: error });
    if (error === 'redirect_uri_mismatch') return oauthError('redirect-uri-mismatch', http.host, { status: answer.status, oauthError: error });
    return null;
  } catch (e) {
    // No answer says something (unreachable, timeout, cancelled); an answer that is no answer (a redirect) does not.
    const error = fromSpaceError(e, http.host) as OAuthError;
    return error.code === 'bad-response' ? null : error;
  }
}
