/**
 * "Sign in with Space" in the worker: the access token refreshed before it expires (single-flight, during Sign out,
 * transient errors), and a sign-in Space gave no refresh token, re-authorized silently. Against the real demo
 * server's OAuth endpoints, as oauth.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, ForgetResult } from '../shared/protocol.ts';
import { OAUTH_SCOPE } from '../kinds/required-permissions.ts';
import { refresh } from '../space/oauth/token.ts';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY } from './connection-store.ts';
import { forgetRefreshesInFlight, NO_REFRESH_TOKEN, REFRESH_MARGIN_MS } from './oauth-tokens.ts';
import { T0, type Rig } from './test-support/harness.ts';
import { holdTokenRequests, otherBrowserSignsIn, sleep, tokenRequestBodies, useSignInRig } from './test-support/sign-in-rig.ts';
import { CONNECTION_KEY } from '../shared/storage-keys.ts';

const signInRig = useSignInRig();
const { tokenRequests, apiRequests, storedAccess, storedRefresh, projects } = signInRig;
let rig: Rig;
beforeEach(() => {
  rig = signInRig.rig();
});

/**
 * Past the access token's expiry, a call whose refresh is held at the token endpoint: what happens while that
 * refresh waits (the worker stops, Sign out, a new sign-in) is what the tests using this vary.
 */
async function callWithHeldRefresh() {
  rig.advance(storedAccess()!.expiresAt - T0 + 1);
  const hold = holdTokenRequests(1);
  const pending = projects();
  await vi.waitFor(() => expect(hold.held()).toBe(1));
  return { hold, pending };
}

describe('access token refresh', () => {
  it('refreshes shortly before expiry, without a 401, and keeps the refresh token', async () => {
    await rig.signIn();
    const refreshToken = storedRefresh();
    const first = storedAccess()!;
    expect(first.expiresAt - first.refreshAt).toBe(REFRESH_MARGIN_MS);
    rig.advance(first.refreshAt - T0 + 1);
    rig.server.clearRequests();
    const sent = tokenRequestBodies();
    expect((await projects()).ok).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
    // Space requires the scope on a refresh (the demo server refuses one without: 400 invalid_request).
    expect(sent).toEqual([{ grant_type: 'refresh_token', refresh_token: refreshToken, scope: OAUTH_SCOPE, client_id: rig.server.oauthClientId }]);
    expect(rig.server.requests.filter((r) => r.status === 401)).toEqual([]);
    const second = storedAccess()!;
    expect(second.token).not.toBe(first.token);
    expect(apiRequests().every((r) => r.authorization === `Bearer ${second.token}`)).toBe(true);
    expect(storedRefresh()).toBe(refreshToken);
  });

  it('refreshes once on 401 "Access token has expired" (the local clock thought it fresh) and repeats the request', async () => {
    rig.server.setAccessTokenTtl(1);
    await rig.signIn();
    rig.server.setAccessTokenTtl(600);
    const stale = storedAccess()!.token;
    await sleep(1_100); // the server's clock passes the token's expiry; the worker's (rig) clock stands still
    rig.server.clearRequests();
    const answer = await projects();
    expect(answer.ok).toBe(true);
    expect(rig.server.requests.map((r) => [r.path.replace(/^\/api\/http/, ''), r.status])).toEqual([
      ['/projects/member:me', 401], ['/oauth/token', 200], ['/projects/member:me', 200],
    ]);
    expect(storedAccess()!.token).not.toBe(stale);
  });

  it('concurrent calls share one refresh (single flight across the worker: requests, searches, cards)', async () => {
    await rig.signIn();
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    rig.server.clearRequests();
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => projects()),
      rig.ask({ type: 'details', kind: 'person', id: 'alex.demo' }),
      rig.ask({ type: 'verify' }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
    const access = storedAccess()!.token;
    expect(apiRequests().every((r) => r.authorization === `Bearer ${access}`)).toBe(true);
  });

  it('a worker stopped mid-refresh loses nothing: the next call refreshes again with the stored refresh token', async () => {
    await rig.signIn();
    const refreshToken = storedRefresh();
    // Its refresh never finishes: the worker stops while it waits.
    const { hold, pending: lost } = await callWithHeldRefresh();
    forgetRefreshesInFlight();
    rig.fake.stopWorker();
    const answer = await projects();
    expect(answer.ok).toBe(true);
    expect(storedRefresh()).toBe(refreshToken);
    const fresh = storedAccess()!;
    expect(fresh.token).toBe(rig.server.issuedOAuthTokens().accessTokens.at(-1));
    // The stopped worker's refresh (here: finishing late) may only write over its own connection's access token.
    hold.release();
    await lost;
    expect(storedRefresh()).toBe(refreshToken);
    expect(rig.server.issuedOAuthTokens().accessTokens).toContain(storedAccess()!.token);
  });

  it('a refresh that finishes after sign-out writes nothing back', async () => {
    await rig.signIn();
    const { hold, pending: late } = await callWithHeldRefresh();
    const out = await rig.ask<ForgetResult>({ type: 'forget', revoke: false });
    expect(out.ok).toBe(true);
    hold.release();
    await late;
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()[ACCESS_TOKEN_KEY]).toBeUndefined();
  });

  it("a refresh that finishes after a new sign-in does not overwrite the new sign-in's tokens", async () => {
    await rig.signIn();
    const { hold, pending: late } = await callWithHeldRefresh();
    await rig.signIn();
    const now = { refresh: storedRefresh(), access: storedAccess() };
    hold.release();
    await late;
    expect(storedRefresh()).toBe(now.refresh);
    expect(storedAccess()).toEqual(now.access);
  });

  it('a transient failure (server down) changes nothing stored and is not "sign in again"', async () => {
    await rig.signIn();
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    rig.server.setFault('/oauth/token', { status: 503, times: 1 });
    const answer = await projects();
    expect(answer).toMatchObject({ ok: false, error: { code: 'server' } });
    expect((await rig.ask<ConnectionStatus>({ type: 'status' }))).toMatchObject({ ok: true, value: { auth: 'ok' } });
    expect((await projects()).ok).toBe(true);
  });
});

describe('a sign-in Space gives no refresh token (it did for another browser)', () => {
  const silentParams = () => rig.fake.auth.silent.map((url) => new URL(url).searchParams);

  /** Another browser signs in first and keeps the one refresh token Space issues for this application and user. */
  async function signedInElsewhereThenHere(): Promise<string> {
    rig.server.setOAuthReturningUser(true);
    const elsewhere = await otherBrowserSignsIn(rig);
    rig.server.clearRequests();
    await rig.signIn();
    return elsewhere;
  }

  async function expired(): Promise<void> {
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    rig.server.clearRequests();
  }

  it('is kept without one; on expiry a silent re-authorization (no window) renews the access token; searches keep working', async () => {
    const elsewhere = await signedInElsewhereThenHere();
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { configured: true, method: 'oauth', auth: 'ok' } });
    expect(storedRefresh()).toBe(NO_REFRESH_TOKEN);
    expect(rig.server.issuedOAuthTokens().refreshTokens).toEqual([elsewhere]);
    expect(rig.fake.auth.windows).toHaveLength(1);
    expect((await projects()).ok).toBe(true);
    const first = storedAccess()!;

    await expired();
    const sent = tokenRequestBodies();
    expect((await projects()).ok).toBe(true);
    expect(rig.fake.auth.windows).toHaveLength(1);
    expect(rig.fake.auth.silent).toHaveLength(1);
    // As at sign-in: PKCE S256, a fresh state, the same redirect URI and scope.
    const [params] = silentParams();
    expect(params!.get('code_challenge_method')).toBe('S256');
    expect(params!.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(params!.get('state')).not.toBe(new URL(rig.fake.auth.windows[0]!).searchParams.get('state'));
    expect(params!.get('redirect_uri')).toBe(rig.fake.redirectUri);
    expect(params!.get('request_credentials')).toBe('default');
    expect(params!.get('scope')).toBe(OAUTH_SCOPE);
    // The code is exchanged with the verifier; nothing is ever sent as a refresh token.
    expect(sent.map((b) => b.grant_type)).toEqual(['authorization_code']);
    expect(sent[0]!.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = storedAccess()!;
    expect(second.token).not.toBe(first.token);
    expect(second.connection).toBe(first.connection);
    expect(apiRequests().filter((r) => r.path !== '/api/http/team-directory/profiles/me').every((r) => r.authorization === `Bearer ${second.token}`)).toBe(true);
    expect(storedRefresh()).toBe(NO_REFRESH_TOKEN);
    // The other browser's sign-in is untouched.
    expect((await refresh({ origin: rig.server.url, clientId: rig.server.oauthClientId, refreshToken: elsewhere, scope: OAUTH_SCOPE })).accessToken).toBeTruthy();
    expect(rig.fake.record.badge.text).toBe('');
  });

  it('concurrent calls share one silent run', async () => {
    await signedInElsewhereThenHere();
    await expired();
    const answers = await Promise.all([...Array.from({ length: 5 }, () => projects()), rig.ask({ type: 'verify' })]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(rig.fake.auth.silent).toHaveLength(1);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('Space wants the user (consent or session gone): "sign in again", badge too, and no more silent runs', async () => {
    await signedInElsewhereThenHere();
    rig.server.setOAuthReturningUser(false); // the consent page again: the browser can't get past it unseen
    await expired();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(rig.fake.auth.silent).toHaveLength(1);
    expect(rig.fake.auth.windows).toHaveLength(1);
    expect(tokenRequests()).toEqual([]);
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { auth: 'sign-in-again' } });
    expect(rig.fake.record.badge.text).toBe('!');
    expect(storedAccess()).toBeUndefined();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(rig.fake.auth.silent).toHaveLength(1);
    // Signing in again (a window) works and clears it.
    expect((await rig.signIn()).auth).toBe('ok');
    expect((await projects()).ok).toBe(true);
  });

  it.each([
    ['another state', (url: URL, redirect: string) => `${redirect}?code=stolen&state=not-${url.searchParams.get('state')}`],
    ['another redirect URI', (url: URL) => `https://evil.example/?code=stolen&state=${url.searchParams.get('state')}`],
    ['an error', (url: URL, redirect: string) => `${redirect}?error=access_denied&state=${url.searchParams.get('state')}`],
  ])('an answer with %s is not believed: nothing exchanged, "sign in again"', async (_label, answer) => {
    await signedInElsewhereThenHere();
    await expired();
    rig.fake.auth.silentAction = async (url) => answer(new URL(url), rig.fake.redirectUri);
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(tokenRequests()).toEqual([]);
  });

  it('Space out of reach, or a sign-in window open, is transient: nothing marked, the next call re-authorizes', async () => {
    await signedInElsewhereThenHere();
    await expired();
    rig.fake.auth.silentAction = async () => { throw new Error('Authorization page could not be loaded.'); };
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    let finish: (url: string) => void = () => undefined;
    rig.fake.auth.action = () => new Promise<string>((resolve) => { finish = resolve; });
    const window = rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: rig.server.oauthClientId, sessionOnly: false });
    try {
      await vi.waitFor(() => expect(rig.fake.auth.windows).toHaveLength(2));
      expect(await projects()).toMatchObject({ ok: false, error: { code: 'oauth', reason: 'in-progress' } });
      expect(rig.fake.auth.silent).toHaveLength(1); // not even tried while the window is open
    } finally {
      // Closed whatever happened: an open window would keep every later test's sign-in "in progress".
      finish(`${rig.fake.redirectUri}?error=access_denied&state=closed`);
      await window;
    }
    rig.fake.auth.silentAction = null;
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { auth: 'ok' } });
    expect((await projects()).ok).toBe(true);
    expect(rig.fake.auth.silent).toHaveLength(2);
  });

  it('Space answers for another user (someone else signed in to Space here): that token is not used', async () => {
    await signedInElsewhereThenHere();
    const local = rig.fake.storage.local.snapshot();
    const record = local[CONNECTION_KEY] as { identity: { name: string; username: string } };
    await rig.fake.platform.storage.local.set({ [CONNECTION_KEY]: { ...record, identity: { name: 'Someone Else', username: 'someone.else' } } });
    await expired();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(apiRequests().map((r) => r.path)).toEqual(['/api/http/team-directory/profiles/me']);
    expect(storedAccess()).toBeUndefined();
  });

  it('without the identity permission (given back in Chrome): "sign in again"', async () => {
    await signedInElsewhereThenHere();
    await expired();
    rig.fake.auth.granted = false;
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'sign-in-again' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('a silent run that finishes after sign-out writes nothing back', async () => {
    await signedInElsewhereThenHere();
    await expired();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    rig.fake.auth.silentAction = async (url) => {
      await gate;
      const page = await fetch(url, { redirect: 'manual' });
      return page.headers.get('location') as string;
    };
    const late = projects();
    await vi.waitFor(() => expect(rig.fake.auth.silent).toHaveLength(1));
    expect((await rig.ask<ForgetResult>({ type: 'forget', revoke: false })).ok).toBe(true);
    release();
    await late;
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()[ACCESS_TOKEN_KEY]).toBeUndefined();
  });

  it('session-only: the marker lives in memory like a refresh token, so a browser restart forgets the sign-in', async () => {
    rig.server.setOAuthReturningUser(true);
    await otherBrowserSignsIn(rig);
    await rig.signIn({ sessionOnly: true });
    expect(rig.fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBe(NO_REFRESH_TOKEN);
    expect(storedRefresh()).toBeUndefined();
    rig.fake.restartBrowser();
    expect(await rig.ask<ConnectionStatus>({ type: 'status' })).toMatchObject({ ok: true, value: { configured: false } });
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(rig.fake.auth.silent).toEqual([]);
  });
});
