import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';
import { createSpaceClient } from '../client.ts';
import { CONFIDENTIAL, OAUTH_SCOPE, REDIRECT, useOAuthDemo } from '../test-support/oauth-demo.ts';
import { useScriptedServer } from '../test-support/scripted-server.ts';
import type { OAuthErrorCode } from './errors.ts';
import { randomVerifier } from './pkce.ts';
import { revokeRefreshToken } from './revoke.ts';
import { clockSkewSuspected, exchangeCode, refresh } from './token.ts';

const { demo, secrets, oauthErrorOf, signIn, codeFor } = useOAuthDemo();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

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

// ----- sign-out ----------------------------------------------------------------------------------------------------

describe('revokeRefreshToken (sign-out)', () => {
  it('makes Space forget the refresh token', async () => {
    const { tokens } = await signIn();
    await revokeRefreshToken({ origin: server.url, accessToken: tokens.accessToken });
    const error = await oauthErrorOf(refresh({ scope: OAUTH_SCOPE, origin: server.url, clientId: server.oauthClientId, refreshToken: tokens.refreshToken as string }));
    expect(error.code).toBe('refresh-revoked');
  });
});
