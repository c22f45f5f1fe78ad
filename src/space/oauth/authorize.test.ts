import { beforeEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';
import { OAUTH_SCOPE, REDIRECT, useOAuthDemo } from '../test-support/oauth-demo.ts';
import { authorizeUrl, diagnoseAuthorize, parseRedirect } from './authorize.ts';
import type { OAuthErrorCode } from './errors.ts';
import { createPkce, randomState } from './pkce.ts';

const { demo, oauthErrorOf, consent } = useOAuthDemo();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

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

// ----- diagnosis ---------------------------------------------------------------------------------------------------

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
