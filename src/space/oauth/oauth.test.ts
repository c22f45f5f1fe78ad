import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';
import { useDemoServer } from '../../../scripts/demo-space/use-demo-server.ts';
import { createSpaceClient } from '../client.ts';
import { authorizeUrl, diagnoseAuthorize, parseRedirect } from './authorize.ts';
import { OAuthError, type OAuthErrorCode } from './errors.ts';
import { base64url, createPkce, isValidVerifier, pkceChallenge, randomState, randomVerifier } from './pkce.ts';
import { revokeRefreshToken } from './revoke.ts';
import { clockSkewSuspected, exchangeCode, refresh, type TokenSet } from './token.ts';
import { describeOAuthError } from './describe.ts';
import { useScriptedServer } from '../test-support/scripted-server.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
/** A scope like the extension's (the extension's own is the kinds' permissions: src/kinds/required-permissions.ts). */
const OAUTH_SCOPE = 'global:Profile.View global:Profile.WorkingDays.View global:Profile.Locations.View global:Profile.Absences.View '
  + 'global:Locations.View global:Team.View global:Project.View global:Project.Issues.View global:Project.CodeReview.View '
  + 'global:VcsRepository.Read global:Channel.ViewChannel global:Article.View';
const CONFIDENTIAL = { clientId: 'confidential-app', name: 'Server app', redirectUris: [REDIRECT], publicClients: false, clientSecret: 's3cret' };

/** Every secret a test saw; no error may ever carry one. */
const secrets = new Set<string>();
const demo = useDemoServer({ oauthApps: [CONFIDENTIAL] });
let server: DemoServer;
beforeEach(() => { server = demo.current; });

/** The OAuthError a call fails with, checked to hold no secret anywhere (fields, message, English text). */
async function oauthErrorOf(pending: Promise<unknown> | (() => unknown)): Promise<OAuthError> {
  try {
    await (typeof pending === 'function' ? pending() : pending);
  } catch (e) {
    expect(e).toBeInstanceOf(OAuthError);
    const error = e as OAuthError;
    const visible = JSON.stringify({ fields: { ...error }, message: error.message, english: describeOAuthError(error) });
    for (const secret of secrets) expect(visible).not.toContain(secret);
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Drives the demo's consent page like the browser would: GET the page, POST Approve (or Deny); the redirect's URL. */
async function consent(url: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(m[1] as string, (m[2] as string).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))));
  }
  form.set('decision', decision);
  const answer = await fetch(`${server.url}/oauth/auth/decision`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  expect(answer.status).toBe(302);
  return answer.headers.get('location') as string;
}

/** A full sign-in against the demo server: authorize URL → consent → redirect → exchange. */
async function signIn(clientId = server.oauthClientId): Promise<{ tokens: TokenSet; code: string; verifier: string }> {
  const { verifier, challenge } = await createPkce();
  const state = randomState();
  const redirected = await consent(authorizeUrl({ origin: server.url, clientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, state, challenge }));
  const { code } = parseRedirect(redirected, state, server.url);
  secrets.add(code).add(verifier);
  const tokens = await exchangeCode({ origin: server.url, clientId, code, redirectUri: REDIRECT, verifier });
  secrets.add(tokens.accessToken);
  if (tokens.refreshToken) secrets.add(tokens.refreshToken);
  return { tokens, code, verifier };
}

/** Up to the code, for tests of the exchange. */
async function codeFor(clientId = server.oauthClientId): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = await createPkce();
  const state = randomState();
  const redirected = await consent(authorizeUrl({ origin: server.url, clientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, state, challenge }));
  const { code } = parseRedirect(redirected, state);
  secrets.add(code).add(verifier);
  return { code, verifier };
}

// ----- PKCE -------------------------------------------------------------------------------------------------------

describe('PKCE (RFC 7636)', () => {
  // RFC 7636 Appendix B: the 32 random octets, their base64url (the verifier), the SHA-256 octets of the verifier
  // and their base64url (the challenge). (A copy of the challenge going around as "…uJGPWKyeCM" is a typo: it is
  // not the base64url of the RFC's own hash octets.)
  const OCTETS = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const HASH = [19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195];
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it("matches Appendix B's test vector", async () => {
    expect(base64url(new Uint8Array(OCTETS))).toBe(VERIFIER);
    expect(base64url(new Uint8Array(HASH))).toBe(CHALLENGE);
    expect(await pkceChallenge(VERIFIER)).toBe(CHALLENGE);
    const fill = (bytes: Uint8Array): Uint8Array => {
      bytes.set(OCTETS);
      return bytes;
    };
    expect(randomVerifier(fill)).toBe(VERIFIER);
    expect(await createPkce(fill)).toEqual({ verifier: VERIFIER, challenge: CHALLENGE });
  });

  it('makes 43-character verifiers from 32 random bytes, different each time', async () => {
    const a = await createPkce();
    const b = await createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(isValidVerifier(a.verifier)).toBe(true);
    expect(randomState()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomState()).not.toBe(randomState());
  });

  it('refuses verifiers RFC 7636 does not allow', async () => {
    for (const bad of ['', 'a'.repeat(42), 'a'.repeat(129), `${'a'.repeat(42)}+`, `${'a'.repeat(42)} `]) {
      expect(isValidVerifier(bad)).toBe(false);
      await expect(pkceChallenge(bad)).rejects.toThrow(TypeError);
    }
    expect(isValidVerifier('a'.repeat(128))).toBe(true);
    expect(isValidVerifier(`${'a'.repeat(39)}-._~`)).toBe(true);
  });

  it('base64url has no padding and uses - and _', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([]))).toBe('');
  });
});

// ----- scope and URL ----------------------------------------------------------------------------------------------

describe('scope and authorization URL', () => {
  it('builds the documented GET /oauth/auth request', () => {
    const url = authorizeUrl({
      origin: 'https://space.example.com', clientId: 'client id/1', redirectUri: REDIRECT, scope: 'global:Profile.View global:Team.View',
      state: 'st&ate', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
    expect(url).toBe('https://space.example.com/oauth/auth?response_type=code&client_id=client%20id%2F1'
      + '&redirect_uri=https%3A%2F%2Fabcdefghijklmnopabcdefghijklmnop.chromiumapp.org%2F&scope=global%3AProfile.View%20global%3ATeam.View'
      + '&state=st%26ate&request_credentials=default&access_type=offline&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256');
    const params = new URL(url).searchParams;
    expect(params.get('scope')).toBe('global:Profile.View global:Team.View');
    expect(params.get('client_id')).toBe('client id/1');
  });

  it('refuses what would make a broken request', () => {
    const ok = { origin: 'https://space.example.com', clientId: 'c', redirectUri: REDIRECT, scope: OAUTH_SCOPE, state: 's', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' };
    expect(() => authorizeUrl({ ...ok, origin: 'https://space.example.com/' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...ok, origin: 'space.example.com' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...ok, origin: 'ftp://space.example.com' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...ok, clientId: ' ' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...ok, state: '' })).toThrow(TypeError);
    expect(() => authorizeUrl({ ...ok, challenge: 'plain-verifier' })).toThrow(TypeError);
  });
});

// ----- redirect ---------------------------------------------------------------------------------------------------

describe('parseRedirect', () => {
  const at = (query: string) => `${REDIRECT}?${query}`;

  it('returns the code when the state is ours', () => {
    expect(parseRedirect(at('code=abc&state=s1'), 's1')).toEqual({ code: 'abc' });
    expect(parseRedirect(at('code=abc&state=s1'), 's1', undefined, REDIRECT)).toEqual({ code: 'abc' });
  });

  it('with the redirect URI given, an answer anywhere else is not one, whatever it carries', async () => {
    for (const url of [
      'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/?code=abc&state=s1',
      `${REDIRECT}cb?code=abc&state=s1`,
      'https://evil.example/?code=abc&state=s1',
    ]) {
      expect(await oauthErrorOf(() => parseRedirect(url, 's1', 'https://space.example.com', REDIRECT))).toMatchObject({ code: 'bad-response', reason: 'bad-redirect' });
    }
  });

  it.each<[string, string, OAuthErrorCode, string | undefined]>([
    ['a different state', 'code=abc&state=other', 'state-mismatch', undefined],
    ['no state', 'code=abc', 'state-mismatch', undefined],
    ['a denial with a different state', 'error=access_denied&state=other', 'state-mismatch', undefined],
    ['access_denied', 'error=access_denied&error_description=The+user+said+no&state=s1', 'access-denied', 'access_denied'],
    ['invalid_scope', 'error=invalid_scope&state=s1', 'invalid-scope', 'invalid_scope'],
    ['invalid_client', 'error=invalid_client&state=s1', 'invalid-client', 'invalid_client'],
    ['redirect_uri_mismatch', 'error=redirect_uri_mismatch&state=s1', 'redirect-uri-mismatch', 'redirect_uri_mismatch'],
    ['unauthorized_client', 'error=unauthorized_client&state=s1', 'pkce-required', 'unauthorized_client'],
    ['server_error', 'error=server_error&state=s1', 'server', 'server_error'],
    ['temporarily_unavailable', 'error=temporarily_unavailable&state=s1', 'server', 'temporarily_unavailable'],
    ['invalid_request', 'error=invalid_request&state=s1', 'authorize-failed', 'invalid_request'],
    ['an unknown error code', 'error=%3Cb%3Ehi%3C%2Fb%3E&state=s1', 'authorize-failed', undefined],
    ['no code', 'state=s1', 'bad-response', undefined],
    ['an empty code', 'code=&state=s1', 'bad-response', undefined],
  ])('%s → %s', async (_label, query, code, oauthError) => {
    const error = await oauthErrorOf(() => parseRedirect(at(query), 's1', 'https://space.example.com'));
    expect(error.code).toBe(code);
    expect(error.oauthError).toBe(oauthError);
    expect(error.host).toBe('space.example.com');
  });

  it('never keeps error_description, and an empty expected state matches nothing', async () => {
    const error = await oauthErrorOf(() => parseRedirect(at('error=access_denied&error_description=SENTINEL-TEXT&state=s1'), 's1'));
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('SENTINEL');
    expect(error.host).toBeUndefined();
    expect((await oauthErrorOf(() => parseRedirect(at('code=x&state='), ''))).code).toBe('state-mismatch');
    expect((await oauthErrorOf(() => parseRedirect('not a url', 's1'))).reason).toBe('bad-redirect');
  });

  it('reads real redirects of the demo server: Approve and Deny', async () => {
    const { challenge } = await createPkce();
    const state = randomState();
    const url = authorizeUrl({ origin: server.url, clientId: server.oauthClientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, state, challenge });
    expect(parseRedirect(await consent(url), state).code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await oauthErrorOf(async () => parseRedirect(await consent(url, 'deny'), state))).code).toBe('access-denied');
  });
});

// ----- token endpoint against the demo server ---------------------------------------------------------------------

describe('exchangeCode and refresh against the demo server', () => {
  it('signs in, calls the API with the access token, refreshes, and is refused after revocation', async () => {
    const before = Date.now();
    const { tokens } = await signIn();
    expect(tokens.expiresInSec).toBe(600);
    expect(tokens.refreshToken).toMatch(/^demo-oauth-rt\./);
    expect(tokens.scope).toBe(OAUTH_SCOPE);
    expect(tokens.receivedAt).toBeGreaterThanOrEqual(before);
    expect(tokens.expiresAt).toBe(tokens.receivedAt + 600_000);
    expect(tokens.serverClockOffsetMs).not.toBeNull();
    expect(clockSkewSuspected(tokens)).toBe(false);

    const me = await createSpaceClient({ origin: server.url, token: tokens.accessToken }).me();
    expect(me.username).toBe('alex.demo');

    const refreshed = await refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string });
    secrets.add(refreshed.accessToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeNull(); // keep the one you have
    expect((await createSpaceClient({ origin: server.url, token: refreshed.accessToken }).me()).username).toBe('alex.demo');

    const narrower = await refresh({ origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string, scope: 'global:Profile.View' });
    expect(narrower.scope).toBe('global:Profile.View');

    expect(server.revokeRefreshTokens(tokens.refreshToken as string)).toBe(1);
    const revoked = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string }));
    expect(revoked).toMatchObject({ code: 'refresh-revoked', status: 401, oauthError: 'authentication-required', host: server.url.slice(7) });
  });

  it('sends the documented refresh request: the scope on every refresh (Space requires it)', async () => {
    const { tokens } = await signIn();
    let body: URLSearchParams | null = null;
    const spy: typeof fetch = async (input, init) => {
      body = new URLSearchParams(init?.body as string);
      return fetch(input, init);
    };
    await refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string, fetch: spy });
    const sent = body as unknown as URLSearchParams;
    expect([...sent.keys()]).toEqual(['grant_type', 'refresh_token', 'scope', 'client_id']);
    expect(sent.get('scope')).toBe(OAUTH_SCOPE);
    await expect(refresh({ scope: ' ', origin: server.url, clientId: server.oauthClientId, refreshToken: 'y' })).rejects.toThrow(TypeError);
  });

  it('sends the documented token request', async () => {
    server.clearRequests();
    const { code, verifier } = await codeFor();
    let seen: { url: string; init: RequestInit } | null = null;
    const spy: typeof fetch = async (input, init) => {
      seen = { url: String(input), init: init ?? {} };
      return fetch(input, init);
    };
    await exchangeCode({ origin: server.url, clientId: server.oauthClientId, code, redirectUri: REDIRECT, verifier, fetch: spy });
    const request = seen as unknown as { url: string; init: RequestInit };
    expect(request.url).toBe(`${server.url}/oauth/token`);
    expect(request.init).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'manual', cache: 'no-store', referrerPolicy: 'no-referrer' });
    expect(request.init.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' });
    const body = new URLSearchParams(request.init.body as string);
    expect([...body.keys()]).toEqual(['grant_type', 'code', 'redirect_uri', 'code_verifier', 'client_id']);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('client_id')).toBe('space-lookup-demo');
    expect(server.requests.filter((r) => r.path === '/oauth/token').every((r) => r.authorization === null)).toBe(true);
  });

  it('a code used twice → invalid-grant', async () => {
    const { code, verifier } = await signIn();
    const error = await oauthErrorOf(exchangeCode({ origin: server.url, clientId: server.oauthClientId, code, redirectUri: REDIRECT, verifier }));
    expect(error).toMatchObject({ code: 'invalid-grant', status: 400, oauthError: 'invalid_grant' });
  });

  it('a wrong verifier → invalid-grant', async () => {
    const { code } = await codeFor();
    const other = randomVerifier();
    secrets.add(other);
    const error = await oauthErrorOf(exchangeCode({ origin: server.url, clientId: server.oauthClientId, code, redirectUri: REDIRECT, verifier: other }));
    expect(error.code).toBe('invalid-grant');
  });

  it('a different redirect URI → invalid-grant', async () => {
    const { code, verifier } = await codeFor();
    const error = await oauthErrorOf(exchangeCode({
      origin: server.url, clientId: server.oauthClientId, code, redirectUri: 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/', verifier,
    }));
    expect(error.code).toBe('invalid-grant');
  });

  it('an application that does not allow public clients → pkce-required', async () => {
    const { code, verifier } = await codeFor(CONFIDENTIAL.clientId);
    const error = await oauthErrorOf(exchangeCode({ origin: server.url, clientId: CONFIDENTIAL.clientId, code, redirectUri: REDIRECT, verifier }));
    expect(error).toMatchObject({ code: 'pkce-required', status: 401, oauthError: 'invalid_client' });
  });

  it('a token born expired → clock-skew', async () => {
    server.setAccessTokenTtl(0);
    const { code, verifier } = await codeFor();
    const error = await oauthErrorOf(exchangeCode({ origin: server.url, clientId: server.oauthClientId, code, redirectUri: REDIRECT, verifier }));
    expect(error).toMatchObject({ code: 'clock-skew', reason: 'expires-in' });
  });

  it('a local clock an hour behind is reported as an offset (clockSkewSuspected)', async () => {
    const { code, verifier } = await codeFor();
    const tokens = await exchangeCode({
      origin: server.url, clientId: server.oauthClientId, code, redirectUri: REDIRECT, verifier, now: () => Date.now() - 3_600_000,
    });
    secrets.add(tokens.accessToken).add(tokens.refreshToken as string);
    expect(tokens.serverClockOffsetMs).toBeGreaterThan(3_590_000);
    expect(clockSkewSuspected(tokens)).toBe(true);
    expect(clockSkewSuspected({ serverClockOffsetMs: -299_000 })).toBe(false);
    expect(clockSkewSuspected({ serverClockOffsetMs: null })).toBe(false);
  });

  it('an unknown or revoked refresh token → refresh-revoked (400 and 401)', async () => {
    const unknown = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: 'demo-oauth-rt.unknown' }));
    expect(unknown).toMatchObject({ code: 'refresh-revoked', status: 400, oauthError: 'invalid_grant' });
    const { tokens } = await signIn();
    server.revokeRefreshTokens();
    const revoked = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string }));
    expect(revoked).toMatchObject({ code: 'refresh-revoked', status: 401 });
    // The API calls of that sign-in are refused too (401 "Refresh token associated with the access token is revoked").
    await expect(createSpaceClient({ origin: server.url, token: tokens.accessToken }).me()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('5xx and 429 from the token endpoint are transient (server), on refresh too', async () => {
    const { tokens } = await signIn();
    for (const status of [500, 503, 429] as const) {
      server.setFault('/oauth/token', { status, times: 1 });
      const error = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string }));
      expect(error).toMatchObject({ code: 'server', status });
    }
    // and the refresh token still works
    expect((await refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string })).accessToken).toBeTruthy();
  });

  it('a malformed answer → bad-response not-json; a dropped connection → unreachable; slow → timeout; aborted → cancelled', async () => {
    const { tokens } = await signIn();
    const call = (extra: Partial<Parameters<typeof refresh>[0]> = {}) =>
      refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string, ...extra });
    server.setFault('/oauth/token', { malformed: true, times: 1 });
    expect(await oauthErrorOf(call())).toMatchObject({ code: 'bad-response', reason: 'not-json', status: 200 });
    server.setFault('/oauth/token', { drop: true, times: 1 });
    expect((await oauthErrorOf(call())).code).toBe('unreachable');
    server.setFault('/oauth/token', { latencyMs: 1_000, times: 1 });
    expect((await oauthErrorOf(call({ timeoutMs: 100 }))).code).toBe('timeout');
    const aborted = new AbortController();
    aborted.abort();
    expect((await oauthErrorOf(call({ signal: aborted.signal }))).code).toBe('cancelled');
  });

  it('a closed port → unreachable', async () => {
    const gone = await startDemoServer();
    const origin = gone.url;
    await gone.close();
    const error = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin, clientId: 'x', refreshToken: 'y' }));
    expect(error).toMatchObject({ code: 'unreachable', host: origin.slice(7) });
  });

  it('refuses inputs that cannot make a valid request', async () => {
    await expect(exchangeCode({ origin: server.url, clientId: 'c', code: 'x', redirectUri: REDIRECT, verifier: 'short' })).rejects.toThrow(TypeError);
    await expect(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: '', refreshToken: 'y' })).rejects.toThrow(TypeError);
    await expect(refresh({ scope: OAUTH_SCOPE, origin: `${server.url}/`, clientId: 'c', refreshToken: 'y' })).rejects.toThrow(TypeError);
  });
});

// ----- answers the demo server doesn't give -----------------------------------------------------------------------

describe('token endpoint answers, scripted', () => {
  let script: { status: number; body: string; type?: string; headers?: Record<string, string> } = { status: 200, body: '{}' };
  const scripted = useScriptedServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(script.status, { 'content-type': script.type ?? 'application/json', ...script.headers });
      res.end(script.body);
    });
  });
  const exchange = () => exchangeCode({ origin: scripted.origin, clientId: 'c', code: 'CODE-SENTINEL', redirectUri: REDIRECT, verifier: randomVerifier() });
  const refreshCall = () => refresh({ scope: OAUTH_SCOPE, origin: scripted.origin, clientId: 'c', refreshToken: 'RT-SENTINEL' });
  beforeAll(() => {
    secrets.add('CODE-SENTINEL').add('RT-SENTINEL');
  });
  const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

  it.each<[string, OAuthErrorCode, { status: number; body: string; type?: string; headers?: Record<string, string> }, Record<string, unknown>]>([
    ['400 invalid_grant', 'invalid-grant', json(400, { error: 'invalid_grant', error_description: 'Code CODE-SENTINEL expired' }), { oauthError: 'invalid_grant' }],
    ['400 invalid_request', 'invalid-request', json(400, { error: 'invalid_request' }), { status: 400 }],
    ['400 unsupported_grant_type', 'invalid-request', json(400, { error: 'unsupported_grant_type' }), { oauthError: 'unsupported_grant_type' }],
    ['400 without a body', 'invalid-request', { status: 400, body: '', type: 'text/plain' }, { status: 400 }],
    ['400 invalid_scope', 'invalid-scope', json(400, { error: 'invalid_scope' }), {}],
    ['400 redirect_uri_mismatch', 'redirect-uri-mismatch', json(400, { error: 'redirect_uri_mismatch' }), {}],
    ['400 unauthorized_client', 'pkce-required', json(400, { error: 'unauthorized_client' }), {}],
    // Space's own codes for a code it refuses: the grant, never "enable public clients".
    ['400 validation-error', 'invalid-grant', json(400, { error: 'validation-error', error_description: 'Code expired' }), { oauthError: 'validation-error', status: 400 }],
    ['401 authentication-required', 'invalid-grant', json(401, { error: 'authentication-required' }), { oauthError: 'authentication-required', status: 401 }],
    ['400 authentication-required', 'invalid-grant', json(400, { error: 'authentication-required' }), { oauthError: 'authentication-required' }],
    ['400 request-error', 'invalid-request', json(400, { error: 'request-error' }), { oauthError: 'request-error' }],
    ['401 without a body', 'pkce-required', { status: 401, body: '', type: 'text/plain' }, { status: 401 }],
    ['403 access_denied', 'access-denied', json(403, { error: 'access_denied' }), {}],
    ['404', 'bad-response', { status: 404, body: 'Not Found', type: 'text/plain' }, { reason: 'unexpected-status', status: 404 }],
    ['502 HTML from a gateway', 'server', { status: 502, body: '<html>bad gateway</html>', type: 'text/html' }, { status: 502 }],
    ['a 302 to a login page', 'bad-response', { status: 302, body: '', headers: { location: 'https://sso.example/login' } }, { reason: 'redirect', status: 302 }],
    ['a 200 HTML login page', 'bad-response', { status: 200, body: '<html>login</html>', type: 'text/html' }, { reason: 'html' }],
    ['a 200 that is too large', 'bad-response', { status: 200, body: `{"access_token":"${'x'.repeat(70_000)}"}` }, { reason: 'too-large' }],
    ['no access_token', 'bad-response', json(200, { expires_in: 600 }), { reason: 'shape:access_token' }],
    ['no expires_in', 'bad-response', json(200, { access_token: 'AT-SENTINEL' }), { reason: 'shape:expires_in' }],
    ['a token type other than Bearer', 'bad-response', json(200, { access_token: 'AT-SENTINEL', expires_in: 600, token_type: 'mac' }), { reason: 'shape:token_type' }],
    ['a non-string refresh token', 'bad-response', json(200, { access_token: 'AT-SENTINEL', expires_in: 600, refresh_token: 5 }), { reason: 'shape:refresh_token' }],
    ['an array', 'bad-response', json(200, []), { reason: 'shape:body' }],
    ['expires_in -5', 'clock-skew', json(200, { access_token: 'AT-SENTINEL', expires_in: -5 }), { reason: 'expires-in' }],
  ])('exchange: %s → %s', async (_label, code, answer, details) => {
    secrets.add('AT-SENTINEL');
    script = answer;
    const error = await oauthErrorOf(exchange());
    expect(error.code).toBe(code);
    expect(error).toMatchObject(details);
  });

  it.each<[string, OAuthErrorCode, { status: number; body: string; type?: string }]>([
    ['400 invalid_grant', 'refresh-revoked', json(400, { error: 'invalid_grant' })],
    ['400 invalid_scope', 'refresh-revoked', json(400, { error: 'invalid_scope' })],
    ['401 invalid_client', 'refresh-revoked', json(401, { error: 'invalid_client' })],
    ['401 authentication-required', 'refresh-revoked', json(401, { error: 'authentication-required', error_description: 'Refresh token associated with the access token is revoked' })],
    ['401 HTML', 'refresh-revoked', { status: 401, body: '<html></html>', type: 'text/html' }],
    ['403', 'bad-response', json(403, { error: 'permission-denied' })],
    ['500', 'server', json(500, { error: 'internal-server-error' })],
  ])('refresh: %s → %s', async (_label, code, answer) => {
    script = answer;
    expect((await oauthErrorOf(refreshCall())).code).toBe(code);
  });

  it('accepts a numeric-string expires_in and no token_type, scope or refresh token', async () => {
    script = json(200, { access_token: 'AT-OK', expires_in: '3600' });
    const tokens = await refreshCall();
    expect(tokens).toMatchObject({ accessToken: 'AT-OK', expiresInSec: 3600, refreshToken: null, scope: null });
  });
});

// ----- diagnosis and sign-out -------------------------------------------------------------------------------------

describe('diagnoseAuthorize', () => {
  const diagnose = (overrides: { clientId?: string; redirectUri?: string; origin?: string } = {}) => diagnoseAuthorize({
    origin: server.url, clientId: server.oauthClientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, ...overrides,
  });

  it('tells an unknown client ID from an unregistered redirect URI, and says nothing when both are fine', async () => {
    expect(await diagnose()).toBeNull();
    expect(await diagnose({ clientId: 'nope' })).toMatchObject({ code: 'invalid-client', status: 400, oauthError: 'invalid_client' });
    expect(await diagnose({ redirectUri: 'https://example.com/cb' })).toMatchObject({ code: 'redirect-uri-mismatch', oauthError: 'redirect_uri_mismatch' });
  });

  it('reports an unreachable server', async () => {
    const gone = await startDemoServer();
    const origin = gone.url;
    await gone.close();
    expect(await diagnose({ origin })).toMatchObject({ code: 'unreachable' });
  });
});

describe('revokeRefreshToken (sign-out)', () => {
  it('makes Space forget the refresh token', async () => {
    const { tokens } = await signIn();
    await revokeRefreshToken({ origin: server.url, accessToken: tokens.accessToken });
    const error = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string }));
    expect(error.code).toBe('refresh-revoked');
  });
});

describe('describeOAuthError', () => {
  const codes: OAuthErrorCode[] = [
    'state-mismatch', 'access-denied', 'invalid-client', 'redirect-uri-mismatch', 'pkce-required', 'invalid-grant', 'invalid-scope',
    'invalid-request', 'authorize-failed', 'refresh-revoked', 'clock-skew', 'server', 'unreachable', 'timeout', 'cancelled', 'bad-response',
  ];

  it('words every code, with the host and nothing else from outside', () => {
    const texts = new Set<string>();
    for (const code of codes) {
      const { message, hint } = describeOAuthError({ code, host: 'space.example.com', status: 400 });
      expect(message.length).toBeGreaterThan(10);
      expect(hint.length).toBeGreaterThan(10);
      texts.add(message);
    }
    expect(texts.size).toBe(codes.length);
    expect(describeOAuthError({ code: 'redirect-uri-mismatch', host: 'space.example.com' }).message).toContain('space.example.com');
    expect(describeOAuthError({ code: 'access-denied' }).message).toBe('Access was not approved in Space.');
    expect(new OAuthError('timeout').message).toBe('timeout');
  });
});
