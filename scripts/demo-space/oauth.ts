/**
 * The demo server's OAuth 2.0 authorization server: one registered application for Space Lookup, the
 * authorization code flow with PKCE (S256) for a public client, refresh tokens, and access tokens the API accepts
 * like personal tokens (space-api.md §8).
 *
 *   GET  /oauth/auth            consent page (the demo user is always signed in), or an error page, or a redirect
 *                               with `error=…` (RFC 6749 §4.1.2.1: never redirect for a bad client or redirect URI)
 *   POST /oauth/auth/decision   the consent form: redirect to `redirect_uri?code=…&state=…` or `?error=access_denied&state=…`
 *   POST /oauth/token           `authorization_code` (PKCE verified, code single-use, 60 s) and `refresh_token`
 *                               (`scope` required, as Space's "Refresh Token Flow" page says [C])
 *   DELETE /api/http/team-directory/profiles/oauth-consents/me/refresh-tokens/self   sign-out (server.ts routes it here)
 *
 * Evidence: endpoint paths, parameters, `access_type=offline` → refresh token, public client → `client_id` in the body,
 * and the token answer's `access_token` / `expires_in` / `refresh_token` are [C] (space-api.md §1, §8). The two
 * `authentication-required` descriptions are [C] texts (space-api.md §5, KT `throwErrorOrReturnWhetherToRetry`, which
 * also parses /oauth/token answers); that Space answers a revoked refresh token at /oauth/token and API calls made
 * with its access tokens with the revoked text and 401 is [I]. Everything else here — RFC 6749 error codes and
 * statuses at /oauth/token, the error pages, `redirect_uri_mismatch`, the code lifetime, no refresh-token rotation,
 * `token_type`/`scope` in the answer — is [I] (RFC 6749 / 7636 behaviour; Space's own is unknown).
 *
 * Returning users (`setReturningUser`, off by default so every sign-in shows the consent page): Space issues a
 * refresh token only the first time it exchanges a code for an application and user (KT `OAuthAccessType`, NET
 * `AccessType` [C]); with `request_credentials=default` a user signed in to Space is let through without a login
 * page (KT `OAuthRequestCredentials` [C]) — that a consent once given is remembered, so the authorization request
 * is answered with a redirect at once, is [I]. That is what a second browser, and a silent re-authorization
 * (`launchWebAuthFlow` with `interactive: false`), meet.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sendBytes, sendJsonText, sendSpaceError, sendText, type ResponseRecord } from './responses.ts';
import type { DemoRequest, DemoResponse } from './transport.ts';

/** The demo application's client ID, printed by `npm run demo-server`. Not a secret: a public client has none. */
export const DEMO_CLIENT_ID = 'space-lookup-demo';
export const DEMO_APP_NAME = 'Space Lookup';
export const DEFAULT_ACCESS_TOKEN_TTL_SEC = 600;
export const MAX_ACCESS_TOKEN_TTL_SEC = 7 * 86_400;
/** RFC 6749 §4.1.2 recommends at most 10 minutes; Space's value is [U]. */
export const AUTH_CODE_TTL_SEC = 60;
/** How long a consent page's form stays valid. */
export const CONSENT_TTL_SEC = 600;

/** Chrome's `identity.getRedirectURL()`: `https://<extension id>.chromiumapp.org/`; ids are 32 letters a–p. */
export const CHROME_REDIRECT_URI = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;
/**
 * Firefox's: `https://<hex SHA-1 of the add-on id>.extensions.allizom.org/` (Firefox's ext-identity.js computes
 * `sha1(extension.id)` as hex under the `extensions.webextensions.identity.redirectDomain` pref).
 */
export const FIREFOX_REDIRECT_URI = /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/;
/**
 * A registered redirect URI: a string matches exactly (no normalisation: a trailing slash, case or port matters), a
 * RegExp must match the whole URI. The default list accepts any extension's redirect URI, so the demo works with
 * whatever ID the browser gives an unpacked extension. Real Space matches the URIs an administrator typed [U how].
 */
export type RedirectUriRule = string | RegExp;
export const DEFAULT_REDIRECT_URIS: readonly RedirectUriRule[] = [CHROME_REDIRECT_URI, FIREFOX_REDIRECT_URI];

/** An application registered in the demo Space. */
export interface DemoOAuthApp {
  clientId: string;
  name: string;
  redirectUris: readonly RedirectUriRule[];
  /**
   * Space's "Allow public (untrusted) clients" (DOC single-org-applications.html [C for the setting]): the token
   * endpoint takes `client_id` in the body without a secret. Default true. When false, only `Authorization: Basic`
   * with `clientSecret` is accepted (401 `invalid_client` otherwise).
   */
  publicClients?: boolean;
  clientSecret?: string;
}

export interface DemoOAuthOptions {
  /** Who approves on the consent page and owns the tokens. */
  user: { username: string; displayName: string };
  organizationName: string;
  accessTokenTtlSec?: number;
  /** Redirect URIs of the demo application (default DEFAULT_REDIRECT_URIS). */
  redirectUris?: readonly RedirectUriRule[];
  /** More registered applications (tests: a confidential one, to see what "public clients not allowed" looks like). */
  extraApps?: readonly DemoOAuthApp[];
  /** Start with returning users on (see `DemoOAuth.setReturningUser`). */
  returningUser?: boolean;
  /** Clock (epoch ms); tests inject one. */
  now?: () => number;
}

/** A validated authorization request. */
interface AuthRequest {
  clientId: string;
  redirectUri: string;
  scope: string[];
  state: string | null;
  offline: boolean;
  challenge: string;
  /** `request_credentials`: `default`, `required` (log out first, so always a page), or null when not sent. */
  credentials: 'default' | 'required' | null;
}

interface CodeGrant {
  request: AuthRequest;
  username: string;
  expiresAt: number;
  used: boolean;
  /** What was issued with it, revoked if the code is presented again (RFC 6749 §4.1.2). */
  issued: { access: AccessGrant; refresh: RefreshGrant | null } | null;
}

interface RefreshGrant {
  clientId: string;
  username: string;
  scope: string[];
  revoked: boolean;
}

interface AccessGrant {
  username: string;
  expiresAt: number;
  /** The refresh token it came with or from; revoking that one ends this one too. */
  refresh: RefreshGrant | null;
  revoked: boolean;
}

/** The answer of a step, before it becomes HTTP. */
export type AuthorizeCheck =
  /** No redirect: the client or the redirect URI can't be trusted (RFC 6749 §4.1.2.1). */
  | { kind: 'error-page'; error: string; description: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'ok'; request: AuthRequest };

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

const REVOKED_REFRESH = 'Refresh token associated with the access token is revoked';
const MAX_FORM_BYTES = 16 * 1024;
/** RFC 7636 §4.2: an S256 challenge is 43 base64url characters; §4.1: a verifier is 43–128 unreserved characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
/** `**`, or `<context>:<Permission.Code>` with context `global`, `project:…`, `channel:…`, `packageRepository:…` (space-api.md §6 [C]). */
const SCOPE_ELEMENT = /^(?:\*\*|(?:global|(?:project|channel|packageRepository):[^\s:]+(?::[^\s:]+)?):[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)$/;

export class DemoOAuth {
  readonly clientId = DEMO_CLIENT_ID;
  private readonly apps = new Map<string, DemoOAuthApp>();
  private readonly now: () => number;
  private ttlSec: number;
  private readonly consents = new Map<string, { request: AuthRequest; expiresAt: number }>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private returning = false;
  /** `clientId username` of every pair a refresh token was issued to, whatever the switch says. */
  private readonly refreshIssued = new Set<string>();
  /** `clientId username` → what was consented to, remembered while returning users are on. */
  private readonly consented = new Map<string, { scope: string[]; offline: boolean }>();

  constructor(private readonly opts: DemoOAuthOptions) {
    this.now = opts.now ?? Date.now;
    this.returning = opts.returningUser === true;
    this.ttlSec = DEFAULT_ACCESS_TOKEN_TTL_SEC;
    if (opts.accessTokenTtlSec !== undefined) this.setAccessTokenTtl(opts.accessTokenTtlSec);
    this.apps.set(DEMO_CLIENT_ID, {
      clientId: DEMO_CLIENT_ID, name: DEMO_APP_NAME, redirectUris: opts.redirectUris ?? DEFAULT_REDIRECT_URIS, publicClients: true,
    });
    for (const app of opts.extraApps ?? []) {
      if (this.apps.has(app.clientId)) throw new TypeError(`client ID '${app.clientId}' is registered twice`);
      this.apps.set(app.clientId, app);
    }
  }

  // ----- controls --------------------------------------------------------------------------------------------

  get accessTokenTtlSec(): number {
    return this.ttlSec;
  }

  /** Lifetime of access tokens issued from now on (already issued ones keep theirs). 0 issues born-expired tokens. */
  setAccessTokenTtl(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_ACCESS_TOKEN_TTL_SEC) {
      throw new TypeError(`access token TTL must be a whole number of seconds in [0, ${MAX_ACCESS_TOKEN_TTL_SEC}]`);
    }
    this.ttlSec = seconds;
  }

  /**
   * Returning users, as Space treats them (see the file comment): a code exchange for a client + user that has
   * already been given a refresh token gets none, and an approval is remembered, so a later authorization request
   * it covers (same or narrower scope, not `request_credentials=required`) redirects back at once, without a page.
   */
  setReturningUser(on: boolean): void {
    this.returning = on;
  }

  /** Replaces the demo application's redirect URIs. */
  setRedirectUris(rules: readonly RedirectUriRule[]): void {
    const app = this.apps.get(DEMO_CLIENT_ID) as DemoOAuthApp;
    this.apps.set(DEMO_CLIENT_ID, { ...app, redirectUris: [...rules] });
  }

  /**
   * Revokes one refresh token (the value) or, without an argument, every one. Access tokens issued with or from a
   * revoked refresh token stop working too (401 "Refresh token associated with the access token is revoked").
   * Returns how many were newly revoked; an unknown token revokes nothing.
   */
  revokeRefreshTokens(refreshToken?: string): number {
    let count = 0;
    for (const [token, grant] of this.refreshTokens) {
      if (refreshToken !== undefined && token !== refreshToken) continue;
      if (!grant.revoked) count += 1;
      grant.revoked = true;
    }
    return count;
  }

  /** Every token value issued so far (for tests that must never find one in logs, pages or storage). */
  issuedTokens(): { accessTokens: string[]; refreshTokens: string[] } {
    return { accessTokens: [...this.accessTokens.keys()], refreshTokens: [...this.refreshTokens.keys()] };
  }

  /**
   * The API's Bearer check for tokens issued here: the owner's user name, why the token no longer works (Space's
   * texts, space-api.md §5 [C]), or null when the token was not issued here (a personal token, or garbage).
   */
  authenticate(token: string): { username: string } | { failure: string } | null {
    const grant = this.accessTokens.get(token);
    if (!grant) return null;
    if (grant.refresh?.revoked) return { failure: REVOKED_REFRESH };
    if (grant.revoked) return { failure: 'Access token has been revoked' };
    if (this.now() >= grant.expiresAt) return { failure: 'Access token has expired' };
    return { username: grant.username };
  }

  // ----- authorization endpoint ------------------------------------------------------------------------------

  /** Validates an authorization request (GET query or the consent form) in RFC 6749 §4.1.2.1's order. */
  checkAuthorize(params: URLSearchParams): AuthorizeCheck {
    const clientId = single(params, 'client_id');
    if (clientId === null || clientId === '') return pageError('invalid_request', 'client_id is required');
    const app = this.apps.get(clientId);
    if (!app) return pageError('invalid_client', 'Unknown client ID');
    const redirectUri = single(params, 'redirect_uri');
    // Space falls back to the first registered URI when none is given (KT authCodeSpaceUrl's doc [C]); the demo's
    // registrations are patterns, so it insists.
    if (redirectUri === null || redirectUri === '') return pageError('invalid_request', 'redirect_uri is required');
    if (!validRedirectUri(redirectUri) || !app.redirectUris.some((rule) => ruleMatches(rule, redirectUri))) {
      return pageError('redirect_uri_mismatch', 'redirect_uri is not registered for this application');
    }
    // From here on the redirect URI is trusted: errors go back to it.
    const state = single(params, 'state');
    const back = (error: string, description: string): AuthorizeCheck => ({
      kind: 'redirect', location: withParams(redirectUri, { error, error_description: description, state }),
    });
    if (single(params, 'response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code');
    const challenge = single(params, 'code_challenge');
    if (challenge === null || challenge === '') return back('invalid_request', 'code_challenge is required: this application requires PKCE');
    if (single(params, 'code_challenge_method') !== 'S256') return back('invalid_request', 'code_challenge_method must be S256');
    if (!S256_CHALLENGE.test(challenge)) return back('invalid_request', 'code_challenge is not a valid S256 challenge');
    const scope = parseScope(single(params, 'scope'));
    if (scope === null) return back('invalid_scope', 'scope must be a space-separated list of <context>:<permission> elements');
    const accessType = single(params, 'access_type') ?? 'online';
    if (accessType !== 'online' && accessType !== 'offline') return back('invalid_request', 'access_type must be online or offline');
    // The authorization code flow's two values (KT OAuthRequestCredentials, NET RequestCredentials [C]); the implicit
    // flow's page also names `skip` and `silent`, undocumented here [U], so refused like any other value [I].
    const credentials = single(params, 'request_credentials');
    if (credentials !== null && credentials !== 'default' && credentials !== 'required') {
      return back('invalid_request', 'request_credentials must be default or required');
    }
    return { kind: 'ok', request: { clientId, redirectUri, scope, state, offline: accessType === 'offline', challenge, credentials } };
  }

  /** Whether a remembered consent covers the request, so a returning user is sent back without a page. */
  private remembered(request: AuthRequest): boolean {
    if (!this.returning || request.credentials === 'required') return false;
    const consent = this.consented.get(`${request.clientId} ${this.opts.user.username}`);
    return consent !== undefined && (consent.offline || !request.offline) && request.scope.every((e) => consent.scope.includes(e));
  }

  /** The consent was given: a single-use code for the request, and where the browser goes with it. */
  approve(request: AuthRequest): string {
    this.prune();
    if (this.returning) this.consented.set(`${request.clientId} ${this.opts.user.username}`, { scope: request.scope, offline: request.offline });
    const code = randomToken();
    this.codes.set(code, {
      request, username: this.opts.user.username, expiresAt: this.now() + AUTH_CODE_TTL_SEC * 1000, used: false, issued: null,
    });
    return withParams(request.redirectUri, { code, state: request.state });
  }

  deny(request: AuthRequest): string {
    this.consented.delete(`${request.clientId} ${this.opts.user.username}`);
    return withParams(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: request.state });
  }

  // ----- token endpoint --------------------------------------------------------------------------------------

  /** `POST /oauth/token` with its form and Authorization header. */
  token(form: URLSearchParams, authorization: string | undefined): TokenAnswer {
    const client = this.authenticateClient(form, authorization);
    if ('error' in client) return client.error;
    const grantType = single(form, 'grant_type');
    if (grantType === null || grantType === '') return oauthError(400, 'invalid_request', 'grant_type is required');
    if (grantType === 'authorization_code') return this.exchangeCode(form, client.app);
    if (grantType === 'refresh_token') return this.refresh(form, client.app);
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }

  private authenticateClient(form: URLSearchParams, authorization: string | undefined): { app: DemoOAuthApp } | { error: TokenAnswer } {
    const bodyClientId = single(form, 'client_id');
    const basic = authorization === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    if (authorization !== undefined) {
      const decoded = basic ? Buffer.from(basic[1] as string, 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      // RFC 6749 §2.3.1: both halves are form-encoded before Basic encoding.
      const id = colon > 0 ? formDecode(decoded.slice(0, colon)) : '';
      const app = this.apps.get(id);
      if (!app || app.clientSecret === undefined || app.clientSecret !== formDecode(decoded.slice(colon + 1))
        || (bodyClientId !== null && bodyClientId !== id)) {
        return { error: oauthError(401, 'invalid_client', 'Client authentication failed') };
      }
      return { app };
    }
    if (bodyClientId === null || bodyClientId === '') return { error: oauthError(401, 'invalid_client', 'Client authentication required') };
    const app = this.apps.get(bodyClientId);
    if (!app) return { error: oauthError(401, 'invalid_client', 'Unknown client ID') };
    if (app.publicClients === false) {
      return { error: oauthError(401, 'invalid_client', 'Client authentication required: this application does not allow public clients') };
    }
    return { app };
  }

  private exchangeCode(form: URLSearchParams, app: DemoOAuthApp): TokenAnswer {
    const code = single(form, 'code');
    if (code === null || code === '') return oauthError(400, 'invalid_request', 'code is required');
    const verifier = single(form, 'code_verifier');
    // Checked before the code is looked up, so a malformed request does not use the code up.
    if (verifier === null || verifier === '') return oauthError(400, 'invalid_request', 'code_verifier is required');
    if (!VERIFIER.test(verifier)) return oauthError(400, 'invalid_request', 'code_verifier must be 43-128 unreserved characters');
    const grant = this.codes.get(code);
    if (!grant) return oauthError(400, 'invalid_grant', 'Authorization code is invalid');
    if (grant.used) {
      // RFC 6749 §4.1.2: a code presented twice revokes what it gave (someone else may hold it).
      if (grant.issued) {
        grant.issued.access.revoked = true;
        if (grant.issued.refresh) grant.issued.refresh.revoked = true;
      }
      return oauthError(400, 'invalid_grant', 'Authorization code has already been used');
    }
    grant.used = true;
    if (this.now() >= grant.expiresAt) return oauthError(400, 'invalid_grant', 'Authorization code has expired');
    if (grant.request.clientId !== app.clientId) return oauthError(400, 'invalid_grant', 'Authorization code was issued to another client');
    if (single(form, 'redirect_uri') !== grant.request.redirectUri) {
      return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    }
    if (s256(verifier) !== grant.request.challenge) return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');

    // Once per client + user for good: whether Space issues one again after the first was revoked is [U].
    const pair = `${app.clientId} ${grant.username}`;
    const refresh: RefreshGrant | null = grant.request.offline && !(this.returning && this.refreshIssued.has(pair))
      ? { clientId: app.clientId, username: grant.username, scope: grant.request.scope, revoked: false }
      : null;
    if (refresh) this.refreshIssued.add(pair);
    let refreshToken: string | null = null;
    if (refresh) {
      refreshToken = randomToken('demo-oauth-rt.');
      this.refreshTokens.set(refreshToken, refresh);
    }
    const { token, grant: access } = this.issueAccess(grant.username, refresh);
    grant.issued = { access, refresh };
    return this.tokenAnswer(token, refreshToken, grant.request.scope);
  }

  private refresh(form: URLSearchParams, app: DemoOAuthApp): TokenAnswer {
    const refreshToken = single(form, 'refresh_token');
    if (refreshToken === null || refreshToken === '') return oauthError(400, 'invalid_request', 'refresh_token is required');
    // "scope: Required" (DOC refresh-token.html [C]); that Space says so with 400 invalid_request is [I].
    const asked = single(form, 'scope');
    if (asked === null || asked === '') return oauthError(400, 'invalid_request', 'scope is required');
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) return oauthError(400, 'invalid_grant', 'Refresh token is invalid');
    if (grant.revoked) return { status: 401, body: { error: 'authentication-required', error_description: REVOKED_REFRESH } };
    if (grant.clientId !== app.clientId) return oauthError(400, 'invalid_grant', 'Refresh token was issued to another client');
    const scope = parseScope(asked);
    if (scope === null || scope.some((element) => !grant.scope.includes(element))) {
      return oauthError(400, 'invalid_scope', 'scope exceeds the scope granted to the refresh token');
    }
    // No rotation: the refresh token stays valid, so the answer leaves it out [I].
    const { token } = this.issueAccess(grant.username, grant);
    return this.tokenAnswer(token, null, scope);
  }

  private issueAccess(username: string, refresh: RefreshGrant | null): { token: string; grant: AccessGrant } {
    this.prune();
    const token = randomToken('demo-oauth-at.');
    const grant: AccessGrant = { username, expiresAt: this.now() + this.ttlSec * 1000, refresh, revoked: false };
    this.accessTokens.set(token, grant);
    return { token, grant };
  }

  private tokenAnswer(accessToken: string, refreshToken: string | null, scope: string[]): TokenAnswer {
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSec };
    if (refreshToken !== null) body.refresh_token = refreshToken;
    body.scope = scope.join(' ');
    return { status: 200, body };
  }

  /** Forgets what can no longer matter: expired consents and codes, access tokens expired over an hour ago. */
  private prune(): void {
    const now = this.now();
    for (const [key, consent] of this.consents) if (now >= consent.expiresAt) this.consents.delete(key);
    // Used codes are kept until they expire, so a replay is recognised as one.
    for (const [key, code] of this.codes) if (now >= code.expiresAt) this.codes.delete(key);
    for (const [key, access] of this.accessTokens) if (now >= access.expiresAt + 3_600_000) this.accessTokens.delete(key);
  }

  // ----- sign-out through the API ----------------------------------------------------------------------------

  /**
   * `DELETE …/oauth-consents/me/refresh-tokens/self` (in OAS 2024.3 [C]): revokes the refresh token behind the
   * calling access token. A personal token has none: 200 and nothing happens [U what Space does].
   */
  revokeSelf(req: DemoRequest, res: DemoResponse, record: ResponseRecord, auth: { token: string } | { failure: string }): void {
    if (req.method !== 'DELETE') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'DELETE' });
    if ('failure' in auth) return sendSpaceError(res, record, 401, 'authentication-required', auth.failure);
    const grant = this.accessTokens.get(auth.token);
    if (grant?.refresh) grant.refresh.revoked = true;
    // [I] as for permanent-tokens/current: 200 with an empty body.
    sendBytes(res, record, 200, new Uint8Array(0), null);
  }

  // ----- HTTP ------------------------------------------------------------------------------------------------

  /** Everything under `/oauth/`. */
  async handle(req: DemoRequest, res: DemoResponse, url: URL, record: ResponseRecord): Promise<void> {
    const method = req.method ?? 'GET';
    switch (url.pathname) {
      case '/oauth/auth':
        if (method !== 'GET') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'GET' });
        return this.serveAuthorize(req, res, url.searchParams, record);
      case '/oauth/auth/decision': {
        if (method !== 'POST') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'POST' });
        const form = await readForm(req);
        if (form === null) return this.sendErrorPage(req, res, record, 'invalid_request', 'The consent form must be posted form-encoded');
        return this.serveDecision(req, res, form, record);
      }
      case '/oauth/token': {
        if (method !== 'POST') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'POST' });
        const form = await readForm(req);
        const answer = form === null
          ? oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded')
          : this.token(form, req.headers.authorization);
        // RFC 6749 §5.1: token answers are never cached.
        return sendJsonText(res, record, answer.status, JSON.stringify(answer.body), { 'cache-control': 'no-store', pragma: 'no-cache' });
      }
      default:
        return sendText(res, record, 404, 'Not Found');
    }
  }

  private serveAuthorize(req: DemoRequest, res: DemoResponse, params: URLSearchParams, record: ResponseRecord): void {
    const check = this.checkAuthorize(params);
    if (check.kind === 'error-page') return this.sendErrorPage(req, res, record, check.error, check.description);
    if (check.kind === 'redirect') return redirect(res, record, check.location);
    if (this.remembered(check.request)) return redirect(res, record, this.approve(check.request));
    this.prune();
    const ticket = randomToken();
    this.consents.set(ticket, { request: check.request, expiresAt: this.now() + CONSENT_TTL_SEC * 1000 });
    const app = this.apps.get(check.request.clientId) as DemoOAuthApp;
    const html = consentPage({
      appName: app.name, organization: this.opts.organizationName, user: this.opts.user, request: check.request, params, ticket,
    });
    sendBytes(res, record, 200, Buffer.from(html, 'utf8'), 'text/html; charset=utf-8', {
      'content-security-policy': consentCsp(check.request.redirectUri),
      'cache-control': 'no-store',
    });
  }

  private serveDecision(req: DemoRequest, res: DemoResponse, form: URLSearchParams, record: ResponseRecord): void {
    const check = this.checkAuthorize(form);
    if (check.kind === 'error-page') return this.sendErrorPage(req, res, record, check.error, check.description);
    if (check.kind === 'redirect') return redirect(res, record, check.location);
    // The ticket ties the form to a consent page this server showed for exactly these parameters; single use.
    const ticketId = single(form, 'ticket') ?? '';
    const ticket = this.consents.get(ticketId);
    this.consents.delete(ticketId);
    if (!ticket || this.now() >= ticket.expiresAt || !sameRequest(ticket.request, check.request)) {
      return this.sendErrorPage(req, res, record, 'invalid_request', 'This consent form is no longer valid; start signing in again');
    }
    const decision = single(form, 'decision');
    if (decision === 'approve') return redirect(res, record, this.approve(check.request));
    if (decision === 'deny') return redirect(res, record, this.deny(check.request));
    return this.sendErrorPage(req, res, record, 'invalid_request', 'decision must be approve or deny');
  }

  /**
   * The answer when the request can't be sent back to a redirect URI: 400 with an HTML page, or Space's error
   * body `{error, error_description}` when the caller asks for JSON only (what `diagnoseAuthorize` reads) [I].
   */
  private sendErrorPage(req: DemoRequest, res: DemoResponse, record: ResponseRecord, error: string, description: string): void {
    const accept = req.headers.accept ?? '';
    if (accept.includes('application/json') && !accept.includes('text/html')) {
      return sendJsonText(res, record, 400, JSON.stringify({ error, error_description: description }), { 'cache-control': 'no-store' });
    }
    const html = page('Sign-in request rejected', `<h1>Sign-in request rejected</h1>\n<p>${escapeHtml(description)}.</p>\n`
      + `<p class="code">Error: <code>${escapeHtml(error)}</code></p>\n<p>Close this window and check the application's settings in Space.</p>`);
    sendBytes(res, record, 400, Buffer.from(html, 'utf8'), 'text/html; charset=utf-8', {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
    });
  }
}

// ----- helpers --------------------------------------------------------------------------------------------------

const REVOKE_SELF = ['team-directory', 'profiles', 'oauth-consents', 'me', 'refresh-tokens', 'self'];

/** Whether decoded API segments (after `/api/http`) are the sign-out endpoint `DemoOAuth.revokeSelf` answers. */
export function isRevokeSelfPath(apiSegments: readonly string[]): boolean {
  return apiSegments.length === REVOKE_SELF.length && REVOKE_SELF.every((segment, i) => apiSegments[i] === segment);
}

/** A parameter given once; null when absent. Given twice it counts as absent (RFC 6749 §3.1: no repeats). */
function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  return all.length === 1 ? (all[0] as string) : null;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

function pageError(error: string, description: string): AuthorizeCheck {
  return { kind: 'error-page', error, description };
}

function oauthError(status: number, error: string, description: string): TokenAnswer {
  return { status, body: { error, error_description: description } };
}

function ruleMatches(rule: RedirectUriRule, uri: string): boolean {
  if (typeof rule === 'string') return rule === uri;
  // A fresh, non-sticky copy: a /g or /y rule's lastIndex must not carry over between requests.
  const match = new RegExp(rule.source, rule.flags.replace(/[gy]/g, '')).exec(uri);
  return match !== null && match.index === 0 && match[0].length === uri.length;
}

/** RFC 6749 §3.1.2: absolute, no fragment; https, or http for loopback only. */
function validRedirectUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    if (uri.includes('#')) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** Null when the scope is missing, empty or has an element of the wrong shape. */
function parseScope(scope: string | null): string[] | null {
  if (scope === null) return null;
  const elements = scope.split(' ').filter((e) => e !== '');
  if (elements.length === 0 || elements.length > 200 || !elements.every((e) => SCOPE_ELEMENT.test(e))) return null;
  return [...new Set(elements)];
}

function sameRequest(a: AuthRequest, b: AuthRequest): boolean {
  return a.clientId === b.clientId && a.redirectUri === b.redirectUri && a.state === b.state && a.offline === b.offline
    && a.challenge === b.challenge && a.credentials === b.credentials && a.scope.join(' ') === b.scope.join(' ');
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.href;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

function redirect(res: DemoResponse, record: ResponseRecord, location: string): void {
  sendBytes(res, record, 302, new Uint8Array(0), null, { location, 'cache-control': 'no-store' });
}

/** Reads a form-encoded body (capped); null when it isn't one. */
async function readForm(req: DemoRequest): Promise<URLSearchParams | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  if (type !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The consent page's policy: nothing loads, inline style only, and the form may post only here. `form-action` also
 * covers the redirect that answers the form (CSP 3; Chromium enforces it on redirects), so the validated redirect
 * URI's origin is allowed too — without it the browser would block the way back to the extension.
 */
function consentCsp(redirectUri: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(redirectUri).origin}; frame-ancestors 'none'`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light dark; font: 15px/1.45 system-ui, sans-serif; }
  body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { max-width: 30rem; padding: 1.5rem 2rem; border: 1px solid GrayText; border-radius: 10px; }
  h1 { font-size: 1.25rem; margin: 0 0 .75rem; }
  ul { padding-left: 1.2rem; } li { margin: .15rem 0; }
  code { font-size: .85em; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { font: inherit; padding: .45rem 1.1rem; border-radius: 6px; border: 1px solid GrayText; cursor: pointer; }
  button[value=approve] { background: #2563eb; border-color: #2563eb; color: #fff; }
  .note { color: GrayText; font-size: .85rem; margin-top: 1.25rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`
    + `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

/** The request's own parameters travel back as hidden fields (re-validated on POST) with the single-use ticket. */
const FORM_FIELDS = [
  'response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'request_credentials', 'access_type', 'code_challenge', 'code_challenge_method',
];

function consentPage(input: {
  appName: string; organization: string; user: { username: string; displayName: string }; request: AuthRequest;
  params: URLSearchParams; ticket: string;
}): string {
  const hidden = FORM_FIELDS
    .map((name) => [name, single(input.params, name)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .concat(`<input type="hidden" name="ticket" value="${escapeHtml(input.ticket)}">`)
    .join('\n');
  const scope = input.request.scope.map((element) => `<li><code>${escapeHtml(element)}</code></li>`).join('\n');
  const app = escapeHtml(input.appName);
  return page(`Authorize ${input.appName} — ${input.organization}`, `<h1>${app} wants to access ${escapeHtml(input.organization)}</h1>
<p>Signed in as <strong>${escapeHtml(input.user.displayName)}</strong> (@${escapeHtml(input.user.username)}).</p>
<p>${app} asks for these permissions${input.request.offline ? ', also while you are away (offline access)' : ''}:</p>
<ul>
${scope}
</ul>
<form method="post" action="/oauth/auth/decision">
${hidden}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
<p class="note">Demo Space server: the demo user is always signed in; no password is asked.</p>`);
}
