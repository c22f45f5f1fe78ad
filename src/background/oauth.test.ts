/**
 * "Sign in with Space" in the worker (issue 8), against the real demo server's OAuth endpoints: the fake auth
 * window (src/shared/test-support/fake-browser.ts) loads the real consent page and posts the real form; everything between
 * the handlers and the socket is the production code.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, ForgetResult, ManagedPolicy, Settings } from '../shared/protocol.ts';
import { originPattern } from '../space/base-url.ts';
import { OAUTH_SCOPE } from '../kinds/required-permissions.ts';
import { refresh } from '../space/oauth/token.ts';
import { REFRESH_TOKEN_KEY, TOKEN_KEY } from './connection-store.ts';
import { applyPolicyToStored } from './policy.ts';
import { SETTINGS_KEY } from './settings-store.ts';
import { T0, type Rig } from './test-support/harness.ts';
import { useSignInRig } from './test-support/sign-in-rig.ts';
import { CONNECTION_KEY } from '../shared/storage-keys.ts';

const signInRig = useSignInRig();
const { tokenRequests, apiRequests, storedAccess, storedRefresh, projects } = signInRig;
let rig: Rig;
beforeEach(() => {
  rig = signInRig.rig();
});

describe('sign in', () => {
  it('runs the auth window, exchanges the code, verifies the user and stores the tokens where they belong', async () => {
    const status = await rig.signIn();
    expect(status).toMatchObject({
      configured: true, origin: rig.server.url, method: 'oauth', clientId: rig.server.oauthClientId,
      identity: { name: 'Alex Demo', username: 'alex.demo' }, tokenLast4: null, auth: 'ok', sessionOnly: false,
    });
    const [authUrl] = rig.fake.auth.windows;
    const params = new URL(authUrl!).searchParams;
    expect(params.get('redirect_uri')).toBe(rig.fake.redirectUri);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('request_credentials')).toBe('default');
    expect(params.get('scope')).toContain('global:Profile.View');

    const { accessTokens, refreshTokens } = rig.server.issuedOAuthTokens();
    expect(refreshTokens).toHaveLength(1);
    const local = rig.fake.storage.local.snapshot();
    expect(local[REFRESH_TOKEN_KEY]).toBe(refreshTokens[0]);
    expect(local[TOKEN_KEY]).toBeUndefined();
    expect(local[CONNECTION_KEY]).toMatchObject({ method: 'oauth', clientId: rig.server.oauthClientId, tokenLast4: null });
    const id = (local[CONNECTION_KEY] as { id: string }).id;
    expect(storedAccess()).toMatchObject({ connection: id, token: accessTokens[0] });
    expect(rig.fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBeUndefined();
    expect(rig.fake.storage.sync.snapshot()).toEqual({});
    // The user was loaded with the new access token before anything was stored.
    const me = apiRequests().find((r) => r.path === '/api/http/team-directory/profiles/me');
    expect(me?.authorization).toBe(`Bearer ${accessTokens[0]}`);
    expect(rig.fake.record.badge.text).toBe('');
  });

  it('searches with the access token', async () => {
    await rig.signIn();
    rig.server.clearRequests();
    const answer = await projects();
    expect(answer.ok).toBe(true);
    const [access] = rig.server.issuedOAuthTokens().accessTokens;
    expect(apiRequests().map((r) => r.authorization)).toEqual(apiRequests().map(() => `Bearer ${access}`));
    expect(tokenRequests()).toEqual([]);
  });

  it('session-only: the refresh token is kept in storage.session; a browser restart leaves address and client ID for prefill', async () => {
    await rig.signIn({ sessionOnly: true });
    expect(storedRefresh()).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBe(rig.server.issuedOAuthTokens().refreshTokens[0]);
    rig.fake.restartBrowser();
    const after = await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(after).toMatchObject({ ok: true, value: {
      configured: false, remembered: true, origin: rig.server.url, method: 'oauth', clientId: rig.server.oauthClientId, sessionOnly: true,
    } });
  });

  it('a personal token replaces a sign-in (and the other way round) without leaving the other secret behind', async () => {
    await rig.signIn();
    await rig.connect();
    expect(storedRefresh()).toBeUndefined();
    expect(storedAccess()).toBeUndefined();
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBe(rig.server.token);
    await rig.signIn();
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(storedRefresh()).toBeDefined();
  });

  it('checks the state: an answer that is not ours is refused before any code is exchanged', async () => {
    rig.fake.auth.action = async () => `${rig.fake.redirectUri}?code=stolen&state=not-ours`;
    const answer = await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: rig.server.oauthClientId, sessionOnly: false });
    expect(answer).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'state-mismatch' } });
    expect(tokenRequests()).toEqual([]);
    expect(rig.fake.storage.local.snapshot()).toEqual({});
  });
});

describe('sign-in failures: each a specific error, nothing stored, host access given back', () => {
  const start = (clientId = rig.server.oauthClientId) =>
    rig.ask({ type: 'oauth-start', url: rig.server.url, clientId, sessionOnly: false });
  const nothingKept = () => {
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()).toEqual({});
    expect(rig.fake.granted()).toEqual([]);
  };

  it('the user denies consent', async () => {
    rig.fake.auth.action = 'deny';
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'access-denied', host: new URL(rig.server.url).host } });
    expect(tokenRequests()).toEqual([]);
    nothingKept();
  });

  it('the user closes the window', async () => {
    rig.fake.auth.action = 'close';
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'window-closed' } });
    nothingKept();
  });

  it('the client ID is unknown to Space (its error page was closed)', async () => {
    expect(await start('no-such-client')).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'invalid-client' } });
    nothingKept();
  });

  it("the extension's redirect URI is not registered", async () => {
    rig = await signInRig.replace({ server: { oauthRedirectUris: ['https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.chromiumapp.org/'] } });
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'redirect-uri-mismatch' } });
    nothingKept();
  });

  it('the application does not allow public clients (PKCE without a secret)', async () => {
    rig = await signInRig.replace({ server: { oauthApps: [{
      clientId: 'confidential-app', name: 'Confidential', redirectUris: [/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/], publicClients: false,
      clientSecret: 's3cret',
    }] } });
    expect(await start('confidential-app')).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'pkce-required' } });
    nothingKept();
  });

  it('clock skew: Space issues a token that is already expired', async () => {
    rig.server.setAccessTokenTtl(0);
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'clock-skew' } });
    nothingKept();
  });

  it('no identity API (Chrome before the optional permission is granted): nothing is sent', async () => {
    rig.fake.auth.granted = false;
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'no-identity' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('a second sign-in while the first window is open is refused at once', async () => {
    let finish: (url: string) => void = () => undefined;
    rig.fake.auth.action = () => new Promise<string>((resolve) => { finish = resolve; });
    const first = start();
    await vi.waitFor(() => expect(rig.fake.auth.windows).toHaveLength(1));
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'in-progress' } });
    finish('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/?error=access_denied&state=x');
    expect(await first).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'state-mismatch' } });
  });

  it('without host access nothing is sent and no window opens', async () => {
    rig.fake.revoke(originPattern(rig.server.url));
    expect(await start()).toMatchObject({ ok: false, error: { code: 'no-host-permission' } });
    expect(rig.fake.auth.windows).toEqual([]);
    expect(rig.server.requests).toEqual([]);
  });

  it('a failed sign-in keeps a saved connection as it was', async () => {
    await rig.connect();
    const before = rig.fake.storage.local.snapshot();
    rig.fake.auth.action = 'deny';
    expect(await start()).toMatchObject({ ok: false, error: { code: 'oauth' } });
    expect(rig.fake.storage.local.snapshot()).toEqual(before);
  });
});

describe('sign in again', () => {
  async function signedInWithScope(): Promise<Settings> {
    await rig.signIn();
    const settings = await rig.ask<Settings>({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
    expect(settings.ok).toBe(true);
    return { searchProjects: ['ABC'], showWaitingCount: false };
  }

  it('a refused refresh token: "sign in again" (badge too), settings and scope kept, no more refreshes', async () => {
    const scope = await signedInWithScope();
    rig.server.revokeRefreshTokens();
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    rig.server.clearRequests();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(tokenRequests()).toHaveLength(1);
    const status = await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(status).toMatchObject({ ok: true, value: { configured: true, method: 'oauth', auth: 'sign-in-again' } });
    expect(rig.fake.record.badge.text).toBe('!');
    expect(rig.fake.record.badge.title).toMatch(/sign in again/i);
    expect(await rig.ask({ type: 'settings-get' })).toEqual({ ok: true, value: scope });
    expect(rig.fake.storage.local.snapshot()[SETTINGS_KEY]).toEqual(scope);
    expect(storedAccess()).toBeUndefined();
    // Searches fail fast now: no request with a dead refresh token on every keystroke.
    rig.server.clearRequests();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('an access token Space refuses because its sign-in was revoked: "sign in again" at once', async () => {
    await signedInWithScope();
    rig.server.revokeRefreshTokens();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { auth: 'sign-in-again' } });
  });

  it('a search answers a page-level "sign in again" failure', async () => {
    await signedInWithScope();
    rig.server.revokeRefreshTokens();
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    const { createPortPair } = await import('../shared/test-support/fake-ports.ts');
    const { acceptLookupPort } = await import('./search/port.ts');
    rig.server.clearRequests();
    const { client, server } = createPortPair('lookup', rig.fake.popupSender());
    acceptLookupPort(server, rig.deps);
    client.postMessage({ type: 'search', id: 1, query: 'alex', filter: 'all' });
    await vi.waitFor(() => expect(client.received.some((m) => (m as { type: string }).type === 'fail')).toBe(true));
    expect(client.received.find((m) => (m as { type: string }).type === 'fail')).toMatchObject({
      type: 'fail', id: 1, error: { code: 'sign-in-again' },
    });
    expect(tokenRequests()).toHaveLength(1);
  });

  it('signing in again clears it and keeps the scope (same Space)', async () => {
    const scope = await signedInWithScope();
    rig.server.revokeRefreshTokens();
    await projects();
    const status = await rig.signIn();
    expect(status.auth).toBe('ok');
    expect(await rig.ask({ type: 'settings-get' })).toEqual({ ok: true, value: scope });
    expect(rig.fake.record.badge.text).toBe('');
    expect((await projects()).ok).toBe(true);
  });
});

describe('sign out', () => {
  it('revokes the sign-in in Space, forgets both tokens and gives the host access back', async () => {
    await rig.signIn();
    const [refreshToken] = rig.server.issuedOAuthTokens().refreshTokens;
    const [access] = rig.server.issuedOAuthTokens().accessTokens;
    rig.server.clearRequests();
    const out = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(out).toEqual({ ok: true, value: { revoked: 'confirmed' } });
    const revoke = rig.server.requests.find((r) => r.method === 'DELETE');
    expect(revoke?.path).toBe('/api/http/team-directory/profiles/oauth-consents/me/refresh-tokens/self');
    expect(revoke?.authorization).toBe(`Bearer ${access}`);
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()).toEqual({});
    expect(rig.fake.granted()).toEqual([]);
    // Space forgot the refresh token: a copy left anywhere is worthless.
    await expect(refresh({ origin: rig.server.url, clientId: rig.server.oauthClientId, refreshToken: refreshToken!, scope: OAUTH_SCOPE }))
      .rejects.toMatchObject({ code: 'refresh-revoked' });
  });

  it('after "sign in again" there is nothing to revoke; sign-out still forgets everything', async () => {
    await rig.signIn();
    rig.server.revokeRefreshTokens();
    await projects();
    rig.server.clearRequests();
    const out = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(out).toEqual({ ok: true, value: { revoked: 'skipped' } });
    expect(rig.server.requests).toEqual([]);
    expect(rig.fake.storage.local.snapshot()).toEqual({});
  });
});

describe('managed settings (policy) are enforced by the worker', () => {
  const policy = () => rig.ask<ManagedPolicy>({ type: 'policy' });

  it('no policy: everything allowed (Firefox rejects the read when none is set)', async () => {
    expect(await policy()).toEqual({ ok: true, value: { origin: null, methods: 'both', clientId: null, sessionOnly: false, invalid: [] } });
    rig.fake.setManaged({});
    expect(await policy()).toMatchObject({ ok: true, value: { origin: null, methods: 'both' } });
  });

  it('a managed Space URL: another one is refused for a token and for sign-in, with the managed host named', async () => {
    rig.fake.setManaged({ spaceUrl: 'https://space.example.com/p/abc' });
    expect(await policy()).toMatchObject({ ok: true, value: { origin: 'https://space.example.com' } });
    const refused = { ok: false, error: { code: 'policy', reason: 'url', host: 'space.example.com' } };
    expect(await rig.ask({ type: 'connect', url: rig.server.url, token: rig.server.token, sessionOnly: false })).toMatchObject(refused);
    expect(await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: 'x', sessionOnly: false })).toMatchObject(refused);
    expect(rig.server.requests).toEqual([]);
    expect(rig.fake.auth.windows).toEqual([]);
    rig.fake.setManaged({ spaceUrl: rig.server.url });
    expect((await rig.connect()).configured).toBe(true);
  });

  it('allowed methods: a disallowed one is refused', async () => {
    rig.fake.setManaged({ signInMethods: 'oauth' });
    expect(await rig.ask({ type: 'connect', url: rig.server.url, token: rig.server.token, sessionOnly: false }))
      .toMatchObject({ ok: false, error: { code: 'policy', reason: 'method' } });
    expect((await rig.signIn()).method).toBe('oauth');
    rig.fake.setManaged({ signInMethods: 'token' });
    expect(await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: rig.server.oauthClientId, sessionOnly: false }))
      .toMatchObject({ ok: false, error: { code: 'policy', reason: 'method' } });
  });

  it('a managed client ID: another one is refused', async () => {
    rig.fake.setManaged({ oauthClientId: rig.server.oauthClientId });
    expect(await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: 'someone-else', sessionOnly: false }))
      .toMatchObject({ ok: false, error: { code: 'policy', reason: 'client-id' } });
    expect((await rig.signIn()).configured).toBe(true);
  });

  it('forced session-only: nothing reaches storage.local, whatever the message asks', async () => {
    rig.fake.setManaged({ forceSessionOnly: true });
    expect((await rig.connect(rig.server.token, false)).sessionOnly).toBe(true);
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[TOKEN_KEY]).toBe(rig.server.token);
    expect((await rig.signIn({ sessionOnly: false })).sessionOnly).toBe(true);
    expect(storedRefresh()).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBeDefined();
  });

  it('forced session-only set later moves a stored secret off disk at once (token and sign-in alike)', async () => {
    await rig.connect();
    rig.fake.setManaged({ forceSessionOnly: true });
    await applyPolicyToStored(rig.fake.platform);
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[TOKEN_KEY]).toBe(rig.server.token);
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { configured: true, sessionOnly: true } });
    expect((await projects()).ok).toBe(true);

    rig.fake.setManaged(null);
    await rig.signIn();
    rig.fake.setManaged({ forceSessionOnly: true });
    await applyPolicyToStored(rig.fake.platform);
    expect(storedRefresh()).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBeDefined();
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    expect((await projects()).ok).toBe(true); // the refresh finds the moved refresh token
    expect(rig.fake.storage.local.dump()).not.toMatch(/demo-oauth-(rt|at)\./);
  });

  it('an unusable managed URL or method refuses every connect (fails closed); other bad values are ignored and reported', async () => {
    rig.fake.setManaged({ spaceUrl: 'ftp://nope', oauthClientId: 'has spaces', forceSessionOnly: 'yes' });
    expect(await policy()).toMatchObject({ ok: true, value: { origin: null, clientId: null, sessionOnly: false, invalid: ['spaceUrl', 'oauthClientId', 'forceSessionOnly'] } });
    expect(await rig.ask({ type: 'connect', url: rig.server.url, token: rig.server.token, sessionOnly: false }))
      .toMatchObject({ ok: false, error: { code: 'policy', reason: 'invalid' } });
    rig.fake.setManaged({ signInMethods: 'sso' });
    expect(await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: 'x', sessionOnly: false }))
      .toMatchObject({ ok: false, error: { code: 'policy', reason: 'invalid' } });
  });
});
