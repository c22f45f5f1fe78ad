import { createHash, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliUsageError, parseArgs } from './cli-options.ts';
import {
  AUTH_CODE_TTL_SEC, CHROME_REDIRECT_URI, DEMO_CLIENT_ID, DemoOAuth, FIREFOX_REDIRECT_URI, isRevokeSelfPath,
} from './oauth.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { useDemoServer } from './use-demo-server.ts';
import { api } from './test-client.ts';

const CHROME = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const FIREFOX = `https://${'0123456789abcdef'.repeat(2)}01234567.extensions.allizom.org/`;
const SCOPE = 'global:Profile.View global:Team.View';
const CONFIDENTIAL = { clientId: 'confidential-app', name: 'Server-side app', redirectUris: [CHROME], publicClients: false, clientSecret: 's3cret' };

const demo = useDemoServer({ oauthApps: [CONFIDENTIAL] });
let server: DemoServer;
beforeEach(() => { server = demo.current; });

// ----- a tiny OAuth client over real HTTP ------------------------------------------------------------------------

interface Pkce { verifier: string; challenge: string }

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authParams(p: Pkce, overrides: Record<string, string | null> = {}): URLSearchParams {
  const base: Record<string, string | null> = {
    response_type: 'code', client_id: DEMO_CLIENT_ID, redirect_uri: CHROME, scope: SCOPE, state: 'st-123',
    access_type: 'offline', code_challenge: p.challenge, code_challenge_method: 'S256', ...overrides,
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v !== null) params.set(k, v);
  return params;
}

async function authorize(params: URLSearchParams, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/oauth/auth?${params}`, { redirect: 'manual', headers });
}

const unescape = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

/** The consent page's form fields (hidden inputs), as the browser would post them. */
function formFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1] as string, unescape(m[2] as string));
  return fields;
}

async function consent(params: URLSearchParams): Promise<{ response: Response; html: string; fields: URLSearchParams }> {
  const response = await authorize(params);
  const html = await response.text();
  return { response, html, fields: formFields(html) };
}

async function decide(fields: URLSearchParams, decision: string | null): Promise<Response> {
  const body = new URLSearchParams(fields);
  if (decision !== null) body.set('decision', decision);
  return fetch(`${server.url}/oauth/auth/decision`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
  });
}

/** Consent page → Approve → the code from the redirect. */
async function approvedCode(p: Pkce, overrides: Record<string, string | null> = {}): Promise<string> {
  const { fields } = await consent(authParams(p, overrides));
  const response = await decide(fields, 'approve');
  expect(response.status).toBe(302);
  const code = new URL(response.headers.get('location') as string).searchParams.get('code');
  expect(code).toBeTruthy();
  return code as string;
}

interface TokenJson { access_token?: string; refresh_token?: string; expires_in?: number; token_type?: string; scope?: string; error?: string; error_description?: string }

async function token(form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; json: TokenJson; headers: Headers }> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, json: (await response.json()) as TokenJson, headers: response.headers };
}

const exchangeForm = (code: string, p: Pkce, overrides: Record<string, string> = {}): Record<string, string> => ({
  grant_type: 'authorization_code', code, redirect_uri: CHROME, code_verifier: p.verifier, client_id: DEMO_CLIENT_ID, ...overrides,
});

async function signIn(overrides: Record<string, string | null> = {}): Promise<TokenJson> {
  const p = pkce();
  const code = await approvedCode(p, overrides);
  const answer = await token(exchangeForm(code, p));
  expect(answer.status).toBe(200);
  return answer.json;
}

const me = async (accessToken: string) => api<{ username: string }>(server, '/team-directory/profiles/me?$fields=username', { token: accessToken });
const authRequired = (description: string) => ({ error: 'authentication-required', error_description: description });
const REVOKED = 'Refresh token associated with the access token is revoked';

async function control(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/__demo/oauth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

// ----- the whole flow --------------------------------------------------------------------------------------------

describe('authorization code flow with PKCE, end to end over HTTP', () => {
  it('consent → code → token → API → expiry → refresh → revoke → refused', async () => {
    const p = pkce();
    const { response, html, fields } = await consent(authParams(p));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy'))
      .toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org; frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('Alex Demo');
    expect(html).toContain('<form method="post" action="/oauth/auth/decision">');
    expect(html).toContain('<button type="submit" name="decision" value="approve">Approve</button>');
    expect(html).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
    expect(html).toContain('<code>global:Profile.View</code>');
    expect(fields.get('redirect_uri')).toBe(CHROME);
    expect(fields.get('code_challenge')).toBe(p.challenge);
    expect(fields.get('ticket')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const approved = await decide(fields, 'approve');
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(CHROME);
    expect(location.searchParams.get('state')).toBe('st-123');
    const code = location.searchParams.get('code') as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    server.setAccessTokenTtl(0); // born expired, to see expiry without waiting
    const first = await token(exchangeForm(code, p));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('pragma')).toBe('no-cache');
    expect(first.json).toEqual({
      access_token: expect.stringMatching(/^demo-oauth-at\.[A-Za-z0-9_-]{43}$/) as unknown,
      token_type: 'Bearer', expires_in: 0,
      refresh_token: expect.stringMatching(/^demo-oauth-rt\.[A-Za-z0-9_-]{43}$/) as unknown,
      scope: SCOPE,
    });
    const expired = await me(first.json.access_token as string);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(authRequired('Access token has expired'));

    server.setAccessTokenTtl(600);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toEqual({ access_token: expect.any(String) as unknown, token_type: 'Bearer', expires_in: 600, scope: SCOPE });
    expect(refreshed.json.access_token).not.toBe(first.json.access_token);
    const ok = await me(refreshed.json.access_token as string);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ username: 'alex.demo' });
    // The refresh token stays valid after use (no rotation).
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE })).status).toBe(200);

    const revoke = await control('revoke', { refreshToken: first.json.refresh_token });
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toEqual({ revoked: 1 });
    const refused = await me(refreshed.json.access_token as string);
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual(authRequired(REVOKED));
    const again = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE });
    expect(again.status).toBe(401);
    expect(again.json).toEqual(authRequired(REVOKED));
    // Personal tokens are untouched.
    expect((await me(server.token)).status).toBe(200);
  });

  it('Deny redirects with error=access_denied and the state', async () => {
    const { fields } = await consent(authParams(pkce(), { state: 'deny-me' }));
    const denied = await decide(fields, 'deny');
    expect(denied.status).toBe(302);
    const location = new URL(denied.headers.get('location') as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('deny-me');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('without access_type=offline there is no refresh token', async () => {
    const answer = await signIn({ access_type: null });
    expect(answer.access_token).toBeTruthy();
    expect(answer).not.toHaveProperty('refresh_token');
  });

  it('works with the Firefox redirect URI pattern', async () => {
    const p = pkce();
    const code = await approvedCode(p, { redirect_uri: FIREFOX });
    expect((await token(exchangeForm(code, p, { redirect_uri: FIREFOX }))).status).toBe(200);
  });

  it('records /oauth requests like API requests', async () => {
    server.clearRequests();
    await signIn();
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /oauth/auth 200', 'POST /oauth/auth/decision 302', 'POST /oauth/token 200',
    ]);
  });

  it('applies faults under /oauth/token (status, latency)', async () => {
    server.setFault('/oauth/token', { status: 503, times: 1 });
    const p = pkce();
    const code = await approvedCode(p);
    const failed = await token(exchangeForm(code, p));
    expect(failed.status).toBe(503);
  });
});

// ----- the authorization endpoint --------------------------------------------------------------------------------

describe('GET /oauth/auth: no redirect when the client or the redirect URI is wrong', () => {
  it.each([
    ['an unknown client ID', { client_id: 'nope' }, 'invalid_client', 'Unknown client ID'],
    ['no client ID', { client_id: null }, 'invalid_request', 'client_id is required'],
    ['no redirect URI', { redirect_uri: null }, 'invalid_request', 'redirect_uri is required'],
    ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/' }, 'redirect_uri_mismatch', 'redirect_uri is not registered for this application'],
    ['a redirect URI with a fragment', { redirect_uri: `${CHROME}#x` }, 'redirect_uri_mismatch', 'redirect_uri is not registered for this application'],
  ])('%s → 400 error page, or the Space-shaped JSON error when only JSON is accepted', async (_label, overrides, error, description) => {
    const page = await authorize(authParams(pkce(), overrides));
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain(`<code>${error}</code>`);
    expect(html).toContain('Sign-in request rejected');

    const json = await authorize(authParams(pkce(), overrides), { accept: 'application/json' });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error, error_description: description });
  });

  it('matches the default redirect URIs as whole-string patterns', () => {
    const ok = [CHROME, FIREFOX];
    const bad = [
      'https://abcdefghijklmnopabcdefghijklmnoq.chromiumapp.org/', // q is not in a–p
      'https://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP.chromiumapp.org/',
      'https://abcdefghijklmnopabcdefghijklmno.chromiumapp.org/', // 31 letters
      `${CHROME}callback`, CHROME.slice(0, -1), CHROME.replace('https:', 'http:'),
      `https://x.${CHROME.slice(8)}`, `${FIREFOX}x`, FIREFOX.replace('0123', 'ABCD'),
    ];
    for (const uri of ok) expect(CHROME_REDIRECT_URI.test(uri) || FIREFOX_REDIRECT_URI.test(uri), uri).toBe(true);
    for (const uri of bad) expect(CHROME_REDIRECT_URI.test(uri) || FIREFOX_REDIRECT_URI.test(uri), uri).toBe(false);
  });

  it.each([
    `${CHROME}callback`, 'https://abcdefghijklmnopabcdefghijklmnoq.chromiumapp.org/', CHROME.replace('https:', 'http:'),
  ])('refuses %s over HTTP too', async (uri) => {
    const page = await authorize(authParams(pkce(), { redirect_uri: uri }), { accept: 'application/json' });
    expect(page.status).toBe(400);
    expect((await page.json() as TokenJson).error).toBe('redirect_uri_mismatch');
  });

  it('with exact registered redirect URIs, only those', async () => {
    const exact = await startDemoServer({ oauthRedirectUris: ['https://app.example/cb', 'http://127.0.0.1:9/cb'] });
    try {
      const at = (uri: string) => fetch(`${exact.url}/oauth/auth?${authParams(pkce(), { redirect_uri: uri })}`, { redirect: 'manual' });
      expect((await at('https://app.example/cb')).status).toBe(200);
      expect((await at('http://127.0.0.1:9/cb')).status).toBe(200);
      expect((await at('https://app.example/cb/')).status).toBe(400);
      expect((await at(CHROME)).status).toBe(400);
    } finally {
      await exact.close();
    }
  });
});

describe('GET /oauth/auth: errors sent back to the redirect URI', () => {
  it.each([
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['no response_type', { response_type: null }, 'unsupported_response_type'],
    ['no code_challenge (PKCE required)', { code_challenge: null }, 'invalid_request'],
    ['code_challenge_method=plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no code_challenge_method (Space defaults to plain)', { code_challenge_method: null }, 'invalid_request'],
    ['a malformed challenge', { code_challenge: 'short' }, 'invalid_request'],
    ['no scope', { scope: null }, 'invalid_scope'],
    ['a malformed scope element', { scope: 'global:Profile.View Profile.View' }, 'invalid_scope'],
    ['access_type=forever', { access_type: 'forever' }, 'invalid_request'],
    ['request_credentials=silent', { request_credentials: 'silent' }, 'invalid_request'],
  ])('%s → 302 to the redirect URI with error=%s and the state', async (_label, overrides, error) => {
    const response = await authorize(authParams(pkce(), overrides));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(CHROME);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('accepts project-scoped and ** scope elements', async () => {
    for (const scope of ['**', 'project:key:ABC:Project.Issues.View global:Profile.View']) {
      expect((await authorize(authParams(pkce(), { scope }))).status).toBe(200);
    }
  });

  it('escapes everything it echoes into the consent page', async () => {
    const { html, fields } = await consent(authParams(pkce(), { state: '"><script>alert(1)</script>' }));
    expect(html).not.toContain('<script>');
    expect(fields.get('state')).toBe('"><script>alert(1)</script>');
  });

  it('answers other methods and paths plainly', async () => {
    expect((await fetch(`${server.url}/oauth/auth`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/oauth/token`)).status).toBe(405);
    expect((await fetch(`${server.url}/oauth/auth/decision`)).status).toBe(405);
    expect((await fetch(`${server.url}/oauth/nope`)).status).toBe(404);
  });
});

describe('POST /oauth/auth/decision', () => {
  it('needs the ticket of a consent page shown for exactly these parameters, once', async () => {
    const { fields } = await consent(authParams(pkce()));
    const tampered = new URLSearchParams(fields);
    tampered.set('scope', '**');
    const refused = await decide(tampered, 'approve');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This consent form is no longer valid');
    // The tampered attempt used the ticket up.
    expect((await decide(fields, 'approve')).status).toBe(400);

    const second = await consent(authParams(pkce()));
    expect((await decide(second.fields, 'approve')).status).toBe(302);
    expect((await decide(second.fields, 'approve')).status).toBe(400);

    const noTicket = (await consent(authParams(pkce()))).fields;
    noTicket.delete('ticket');
    expect((await decide(noTicket, 'approve')).status).toBe(400);
  });

  it('refuses a decision that is neither approve nor deny, and a body that is not a form', async () => {
    const { fields } = await consent(authParams(pkce()));
    expect((await decide(fields, 'maybe')).status).toBe(400);
    const json = await fetch(`${server.url}/oauth/auth/decision`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: '{}',
    });
    expect(json.status).toBe(400);
  });
});

// ----- the token endpoint ----------------------------------------------------------------------------------------

describe('POST /oauth/token: authorization_code', () => {
  const invalidGrant = (description: string) => ({ error: 'invalid_grant', error_description: description });

  it.each([
    ['no client_id', { client_id: undefined }, 401, 'invalid_client', 'Client authentication required'],
    ['an unknown client_id', { client_id: 'nope' }, 401, 'invalid_client', 'Unknown client ID'],
    ['no grant_type', { grant_type: undefined }, 400, 'invalid_request', 'grant_type is required'],
    ['grant_type=password', { grant_type: 'password' }, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token'],
    ['no code', { code: undefined }, 400, 'invalid_request', 'code is required'],
    ['no code_verifier', { code_verifier: undefined }, 400, 'invalid_request', 'code_verifier is required'],
    ['a malformed code_verifier', { code_verifier: 'short' }, 400, 'invalid_request', 'code_verifier must be 43-128 unreserved characters'],
  ])('%s → %i %s, and the code stays usable', async (_label, change, status, error, description) => {
    const p = pkce();
    const code = await approvedCode(p);
    const form = exchangeForm(code, p);
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete form[k];
      else form[k] = v;
    }
    const answer = await token(form);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error, error_description: description });
    expect((await token(exchangeForm(code, p))).status).toBe(200);
  });

  it('a wrong verifier → invalid_grant, and the code is used up', async () => {
    const p = pkce();
    const code = await approvedCode(p);
    const wrong = await token(exchangeForm(code, p, { code_verifier: pkce().verifier }));
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual(invalidGrant('code_verifier does not match the code_challenge'));
    const right = await token(exchangeForm(code, p));
    expect(right.json).toEqual(invalidGrant('Authorization code has already been used'));
  });

  it('a redirect URI other than the authorized one → invalid_grant', async () => {
    const p = pkce();
    const code = await approvedCode(p);
    const answer = await token(exchangeForm(code, p, { redirect_uri: FIREFOX }));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(invalidGrant('redirect_uri does not match the authorization request'));
  });

  it('an unknown code → invalid_grant', async () => {
    const answer = await token(exchangeForm('not-a-code', pkce()));
    expect(answer.json).toEqual(invalidGrant('Authorization code is invalid'));
  });

  it('a code used twice → invalid_grant, and what it gave is revoked', async () => {
    const p = pkce();
    const code = await approvedCode(p);
    const first = await token(exchangeForm(code, p));
    expect((await me(first.json.access_token as string)).status).toBe(200);
    const replay = await token(exchangeForm(code, p));
    expect(replay.status).toBe(400);
    expect(replay.json).toEqual(invalidGrant('Authorization code has already been used'));
    expect((await me(first.json.access_token as string)).json).toEqual(authRequired(REVOKED));
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE });
    expect(refresh.status).toBe(401);
  });

  it('a code issued to another client → invalid_grant', async () => {
    const p = pkce();
    const code = await approvedCode(p);
    const basic = `Basic ${Buffer.from('confidential-app:s3cret').toString('base64')}`;
    const form = exchangeForm(code, p);
    delete form.client_id;
    const answer = await token(form, { authorization: basic });
    expect(answer.json).toEqual(invalidGrant('Authorization code was issued to another client'));
  });

  it('an application that does not allow public clients wants its secret (what "PKCE not enabled" looks like)', async () => {
    const p = pkce();
    const code = await approvedCode(p, { client_id: CONFIDENTIAL.clientId });
    const publicTry = await token(exchangeForm(code, p, { client_id: CONFIDENTIAL.clientId }));
    expect(publicTry.status).toBe(401);
    expect(publicTry.json).toEqual({ error: 'invalid_client', error_description: 'Client authentication required: this application does not allow public clients' });
    const wrongSecret = await token(exchangeForm(code, p, { client_id: CONFIDENTIAL.clientId }), {
      authorization: `Basic ${Buffer.from('confidential-app:nope').toString('base64')}`,
    });
    expect(wrongSecret.json.error).toBe('invalid_client');
    const form = exchangeForm(code, p);
    delete form.client_id;
    const withSecret = await token(form, { authorization: `Basic ${Buffer.from('confidential-app:s3cret').toString('base64')}` });
    expect(withSecret.status).toBe(200);
  });

  it('refuses a body that is not form-encoded', async () => {
    const response = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', error_description: 'The body must be application/x-www-form-urlencoded' });
  });

  it('expires codes after AUTH_CODE_TTL_SEC (injected clock)', () => {
    let now = 1_000_000;
    const oauth = new DemoOAuth({ user: { username: 'alex.demo', displayName: 'Alex Demo' }, organizationName: 'Org', now: () => now });
    const p = pkce();
    const check = oauth.checkAuthorize(authParams(p));
    if (check.kind !== 'ok') throw new Error('expected a valid request');
    const code = new URL(oauth.approve(check.request)).searchParams.get('code') as string;
    now += AUTH_CODE_TTL_SEC * 1000;
    const answer = oauth.token(new URLSearchParams(exchangeForm(code, p)), undefined);
    expect(answer).toEqual({ status: 400, body: invalidGrant('Authorization code has expired') });
  });

  it('expires access tokens after the TTL (injected clock)', () => {
    let now = 1_000_000;
    const oauth = new DemoOAuth({ user: { username: 'alex.demo', displayName: 'Alex Demo' }, organizationName: 'Org', now: () => now, accessTokenTtlSec: 30 });
    const p = pkce();
    const check = oauth.checkAuthorize(authParams(p));
    if (check.kind !== 'ok') throw new Error('expected a valid request');
    const code = new URL(oauth.approve(check.request)).searchParams.get('code') as string;
    const answer = oauth.token(new URLSearchParams(exchangeForm(code, p)), undefined);
    const accessToken = answer.body.access_token as string;
    now += 29_999;
    expect(oauth.authenticate(accessToken)).toEqual({ username: 'alex.demo' });
    now += 1;
    expect(oauth.authenticate(accessToken)).toEqual({ failure: 'Access token has expired' });
    expect(oauth.authenticate('a personal token')).toBeNull();
  });
});

describe('POST /oauth/token: refresh_token', () => {
  const refreshForm = (refreshToken: string, extra: Record<string, string> = {}) => ({
    grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DEMO_CLIENT_ID, scope: SCOPE, ...extra,
  });

  it('no refresh_token → 400 invalid_request; an unknown one → 400 invalid_grant', async () => {
    const missing = await token({ grant_type: 'refresh_token', client_id: DEMO_CLIENT_ID });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: 'invalid_request', error_description: 'refresh_token is required' });
    const unknown = await token(refreshForm('demo-oauth-rt.nope'));
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token is invalid' });
  });

  it('no scope → 400 invalid_request, as Space documents it required; checked before the token, which stays usable', async () => {
    const tokens = await signIn();
    const form = refreshForm(tokens.refresh_token as string);
    for (const scope of [null, '']) {
      if (scope === null) delete (form as Record<string, string>).scope;
      else form.scope = scope;
      const answer = await token(form);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ error: 'invalid_request', error_description: 'scope is required' });
    }
    expect((await token(refreshForm(tokens.refresh_token as string))).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'demo-oauth-rt.nope', client_id: DEMO_CLIENT_ID })).json.error).toBe('invalid_request');
  });

  it('a narrower scope is granted; a wider one → 400 invalid_scope', async () => {
    const tokens = await signIn();
    const narrower = await token(refreshForm(tokens.refresh_token as string, { scope: 'global:Team.View' }));
    expect(narrower.status).toBe(200);
    expect(narrower.json.scope).toBe('global:Team.View');
    const wider = await token(refreshForm(tokens.refresh_token as string, { scope: 'global:Team.View global:Project.View' }));
    expect(wider.status).toBe(400);
    expect(wider.json).toEqual({ error: 'invalid_scope', error_description: 'scope exceeds the scope granted to the refresh token' });
  });

  it('a refresh token of another client → 400 invalid_grant', async () => {
    const tokens = await signIn();
    const form = refreshForm(tokens.refresh_token as string);
    delete (form as Record<string, string>).client_id;
    const answer = await token(form, { authorization: `Basic ${Buffer.from('confidential-app:s3cret').toString('base64')}` });
    expect(answer.json).toEqual({ error: 'invalid_grant', error_description: 'Refresh token was issued to another client' });
  });

  it('revoking all refresh tokens (control API) ends every sign-in; new sign-ins work', async () => {
    const a = await signIn();
    const b = await signIn();
    const revoke = await control('revoke', {});
    expect(revoke.status).toBe(200);
    expect(((await revoke.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    for (const t of [a, b]) {
      expect((await token(refreshForm(t.refresh_token as string))).status).toBe(401);
      expect((await me(t.access_token as string)).json).toEqual(authRequired(REVOKED));
    }
    const c = await signIn();
    expect((await me(c.access_token as string)).status).toBe(200);
    expect(server.revokeRefreshTokens(c.refresh_token)).toBe(1);
    expect(server.revokeRefreshTokens(c.refresh_token)).toBe(0);
  });
});

// ----- returning users ---------------------------------------------------------------------------------------------

describe('returning users: one refresh token per client and user, remembered consent', () => {
  /** `/oauth/auth` answered with a redirect straight back to the redirect URI: the code it carries. */
  async function redirectedAtOnce(params: URLSearchParams): Promise<string> {
    const response = await authorize(params);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(CHROME);
    expect(location.searchParams.get('state')).toBe('st-123');
    return location.searchParams.get('code') as string;
  }

  it('a refresh token only the first time; then a covered request redirects at once and its exchange has none', async () => {
    const fresh = await startDemoServer();
    server = fresh;
    try {
      expect((await control('returning-user', { on: true })).status).toBe(204);
      const first = await signIn({ request_credentials: 'default' });
      expect(first.refresh_token).toMatch(/^demo-oauth-rt\./);

      // No page: the consent given above covers it (the same scope, or a narrower one).
      for (const scope of [SCOPE, 'global:Team.View']) {
        const p = pkce();
        const code = await redirectedAtOnce(authParams(p, { request_credentials: 'default', scope }));
        const again = await token(exchangeForm(code, p));
        expect(again.status).toBe(200);
        expect(again.json).not.toHaveProperty('refresh_token');
        expect((await me(again.json.access_token as string)).json).toEqual({ username: 'alex.demo' });
      }
      // Through the consent page too: still none.
      expect(await signIn()).not.toHaveProperty('refresh_token');
      // A wider scope, or `required` (log in again), asks the user.
      expect((await authorize(authParams(pkce(), { scope: `${SCOPE} global:Project.View` }))).status).toBe(200);
      expect((await authorize(authParams(pkce(), { request_credentials: 'required' }))).status).toBe(200);
      // The first refresh token keeps working.
      expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE })).status).toBe(200);

      // Off: every sign-in shows the page and gets a refresh token, as before.
      fresh.setOAuthReturningUser(false);
      expect((await authorize(authParams(pkce()))).status).toBe(200);
      expect((await signIn()).refresh_token).toMatch(/^demo-oauth-rt\./);
    } finally {
      await fresh.close();
    }
  });

  it('Deny forgets the consent; the switch is off by default and refuses a bad control body', async () => {
    const fresh = await startDemoServer();
    server = fresh;
    try {
      await signIn();
      fresh.setOAuthReturningUser(true);
      // Consent given while off was not remembered.
      expect((await authorize(authParams(pkce()))).status).toBe(200);
      await signIn();
      await redirectedAtOnce(authParams(pkce()));
      const { fields } = await consent(authParams(pkce(), { request_credentials: 'required' }));
      expect((await decide(fields, 'deny')).status).toBe(302);
      expect((await authorize(authParams(pkce()))).status).toBe(200);
      expect((await control('returning-user', { on: 'yes' })).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});

// ----- access tokens on the API, controls, sign-out, CLI ----------------------------------------------------------

describe('access tokens, controls and sign-out', () => {
  it('issued access tokens work on every API path and for avatars, like personal tokens', async () => {
    const t = await signIn();
    const projects = await api(server, '/projects?term=', { token: t.access_token as string });
    expect(projects.status).toBe(200);
    const avatarId = server.dataset.demoUser.avatar as string;
    const avatar = await fetch(`${server.url}/d/${avatarId}`, { headers: { authorization: `Bearer ${t.access_token}` } });
    expect(avatar.status).toBe(200);
  });

  it('the TTL comes from the option, the control API and setAccessTokenTtl', async () => {
    const custom = await startDemoServer({ accessTokenTtlSec: 42 });
    try {
      const p = pkce();
      const { fields } = await (async () => {
        const r = await fetch(`${custom.url}/oauth/auth?${authParams(p)}`);
        return { fields: formFields(await r.text()) };
      })();
      const body = new URLSearchParams(fields);
      body.set('decision', 'approve');
      const approved = await fetch(`${custom.url}/oauth/auth/decision`, {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
      });
      const code = new URL(approved.headers.get('location') as string).searchParams.get('code') as string;
      const answer = await fetch(`${custom.url}/oauth/token`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(exchangeForm(code, p)).toString(),
      });
      expect(((await answer.json()) as TokenJson).expires_in).toBe(42);
    } finally {
      await custom.close();
    }

    expect((await control('ttl', { seconds: 5 })).status).toBe(204);
    expect((await signIn()).expires_in).toBe(5);
    for (const seconds of [-1, 1.5, 10 ** 9]) expect((await control('ttl', { seconds })).status).toBe(400);
    expect((await control('ttl', { seconds: '5' })).status).toBe(400);
    expect(() => server.setAccessTokenTtl(-1)).toThrow(TypeError);
    expect((await control('revoke', { refreshToken: 42 })).status).toBe(400);
  });

  it('the control API is refused to pages (Origin header)', async () => {
    const response = await fetch(`${server.url}/__demo/oauth/revoke`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('info names the client ID', async () => {
    const info = await (await fetch(`${server.url}/__demo/info`)).json() as { oauthClientId: string };
    expect(info.oauthClientId).toBe(DEMO_CLIENT_ID);
    expect(server.oauthClientId).toBe('space-lookup-demo');
  });

  it('lists issued tokens for leak checks', async () => {
    const t = await signIn();
    const issued = server.issuedOAuthTokens();
    expect(issued.accessTokens).toContain(t.access_token);
    expect(issued.refreshTokens).toContain(t.refresh_token);
  });

  it('DELETE …/oauth-consents/me/refresh-tokens/self revokes the caller\'s refresh token', async () => {
    const t = await signIn();
    const path = '/team-directory/profiles/oauth-consents/me/refresh-tokens/self';
    const signOut = await api(server, path, { method: 'DELETE', token: t.access_token as string });
    expect(signOut.status).toBe(200);
    expect(signOut.text).toBe('');
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token as string, client_id: DEMO_CLIENT_ID, scope: SCOPE })).json)
      .toEqual(authRequired(REVOKED));
    expect((await me(t.access_token as string)).json).toEqual(authRequired(REVOKED));
    // Again: the access token is refused now.
    expect((await api(server, path, { method: 'DELETE', token: t.access_token as string })).status).toBe(401);
    // A personal token has no refresh token: nothing happens to it.
    expect((await api(server, path, { method: 'DELETE' })).status).toBe(200);
    expect((await me(server.token)).status).toBe(200);
    expect(isRevokeSelfPath(['team-directory', 'profiles', 'oauth-consents', 'me', 'refresh-tokens', 'self'])).toBe(true);
    expect(isRevokeSelfPath(['team-directory', 'profiles', 'oauth-consents', 'me', 'refresh-tokens'])).toBe(false);
  });

  it('--access-token-ttl on the command line', () => {
    expect(parseArgs(['--access-token-ttl', '30'], {}).accessTokenTtlSec).toBe(30);
    expect(parseArgs(['--access-token-ttl=0'], {}).accessTokenTtlSec).toBe(0);
    expect(parseArgs([], {}).accessTokenTtlSec).toBeUndefined();
    expect(() => parseArgs(['--access-token-ttl', 'soon'], {})).toThrow(CliUsageError);
    expect(() => parseArgs(['--access-token-ttl'], {})).toThrow(CliUsageError);
  });
});
