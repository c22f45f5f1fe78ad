/**
 * What a connection leaves behind when it ends (issue 15, item 10, and the scope half of item 8): a sign-in that
 * a new connection replaces is ended in Space, Sign out and a switch to a personal token give the optional
 * `identity` permission back, and a search scope sent just before Forget does not outlive it. Against the real
 * demo server, through the router.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForgetResult } from '../../shared/protocol.ts';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, type StoredAccessToken } from '../connection-store.ts';
import { NO_REFRESH_TOKEN } from '../oauth-tokens.ts';
import { SETTINGS_KEY } from '../settings-store.ts';
import { T0, useRig, type Rig } from '../test-support/harness.ts';

const rigs = useRig();
let rig: Rig;
beforeEach(() => { rig = rigs.current; });

const REVOKE_PATH = '/api/http/team-directory/profiles/oauth-consents/me/refresh-tokens/self';
const revokes = () => rig.server.requests.filter((r) => r.method === 'DELETE' && r.path === REVOKE_PATH);
const storedAccess = () => rig.fake.storage.session.snapshot()[ACCESS_TOKEN_KEY] as StoredAccessToken | undefined;
const projects = () => rig.ask<unknown[]>({ type: 'projects', query: '' });

describe('replacing a sign-in ends the old one in Space', () => {
  it('a sign-in with another application: the old refresh token is revoked with its own access token; the new one keeps working', async () => {
    rig = await rigs.replace({ server: { oauthApps: [{ clientId: 'other-app', name: 'Other', redirectUris: [rig.fake.redirectUri], publicClients: true }] } });
    await rig.signIn();
    const old = storedAccess()!.token;
    rig.server.clearRequests();
    await rig.signIn({ clientId: 'other-app' });
    await vi.waitFor(() => expect(revokes().map((r) => r.authorization)).toEqual([`Bearer ${old}`]));
    expect(storedAccess()!.token).not.toBe(old);
    expect((await projects()).ok).toBe(true);
  });

  it('the same user signing in again with the same application is not revoked: Space counts it as the same grant', async () => {
    await rig.signIn();
    rig.server.clearRequests();
    await rig.signIn();
    await new Promise((r) => setTimeout(r, 50));
    expect(revokes()).toEqual([]);
    expect((await projects()).ok).toBe(true);
  });

  it('a personal token replacing a sign-in whose access token expired: refreshed once, then revoked', async () => {
    await rig.signIn();
    const old = storedAccess()!;
    rig.advance(old.expiresAt - T0 + 1);
    rig.server.clearRequests();
    await rig.connect();
    await vi.waitFor(() => expect(revokes()).toHaveLength(1));
    const refreshed = rig.server.requests.filter((r) => r.path === '/oauth/token');
    expect(refreshed).toHaveLength(1);
    expect(revokes()[0]!.authorization).not.toBe(`Bearer ${old.token}`);
    expect(rig.server.issuedOAuthTokens().accessTokens.map((t) => `Bearer ${t}`)).toContain(revokes()[0]!.authorization);
    // The refresh answered for a connection no longer stored: nothing of it was kept.
    expect(storedAccess()).toBeUndefined();
    expect(rig.fake.storage.local.dump()).not.toMatch(/demo-oauth-(rt|at)\./);
  });

  it('a replaced sign-in with neither a refresh token nor a live access token is left alone: no authorization window for it', async () => {
    rig.server.setOAuthReturningUser(true);
    await rig.signIn();
    await rig.signIn(); // Space gives a returning user no second refresh token
    expect(rig.fake.storage.local.snapshot()[REFRESH_TOKEN_KEY]).toBe(NO_REFRESH_TOKEN);
    rig.advance(storedAccess()!.expiresAt - T0 + 1);
    const windows = { shown: rig.fake.auth.windows.length, silent: rig.fake.auth.silent.length };
    rig.server.clearRequests();
    await rig.connect();
    await new Promise((r) => setTimeout(r, 50));
    expect({ shown: rig.fake.auth.windows.length, silent: rig.fake.auth.silent.length }).toEqual(windows);
    expect(rig.server.requests.filter((r) => r.path.startsWith('/oauth/') || r.method === 'DELETE')).toEqual([]);
  });

  it('a replaced sign-in without a refresh token of its own revokes nothing, even with a live access token: the refresh token Space keeps may be another browser\'s', async () => {
    rig.server.setOAuthReturningUser(true);
    await rig.signIn();
    await rig.signIn(); // the second browser: no refresh token
    expect(rig.fake.storage.local.snapshot()[REFRESH_TOKEN_KEY]).toBe(NO_REFRESH_TOKEN);
    rig.server.clearRequests();
    await rig.connect();
    await new Promise((r) => setTimeout(r, 50));
    expect(revokes()).toEqual([]);
  });

  it('Sign out with revoke of a sign-in without a refresh token of its own: nothing revoked, reported as skipped, still signed out', async () => {
    rig.server.setOAuthReturningUser(true);
    await rig.signIn();
    await rig.signIn();
    rig.server.clearRequests();
    const answer = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(answer).toEqual({ ok: true, value: { revoked: 'skipped' } });
    expect(revokes()).toEqual([]);
    expect(rig.fake.storage.local.snapshot()[REFRESH_TOKEN_KEY]).toBeUndefined();
  });

  it('a personal token replacing a personal token revokes nothing (the user made it, and may use it elsewhere)', async () => {
    await rig.connect();
    rig.server.clearRequests();
    await rig.connect();
    await new Promise((r) => setTimeout(r, 50));
    expect(rig.server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});

describe('the optional identity permission goes back when nothing signs in any more', () => {
  it('Sign out', async () => {
    await rig.signIn();
    expect(rig.fake.auth.granted).toBe(true);
    const out = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(out).toMatchObject({ ok: true, value: { revoked: 'confirmed' } });
    expect(rig.fake.auth.granted).toBe(false);
    expect(rig.fake.record.apiPermissionRemovals).toEqual(['identity']);
  });

  it('switching from a sign-in to a personal token', async () => {
    await rig.signIn();
    await rig.connect();
    expect(rig.fake.auth.granted).toBe(false);
  });

  it('a new sign-in keeps it (it is in use)', async () => {
    await rig.signIn();
    await rig.signIn();
    expect(rig.fake.auth.granted).toBe(true);
    expect(rig.fake.record.apiPermissionRemovals).toEqual([]);
  });

  it('a browser that refuses (Firefox declares the permission) changes nothing else', async () => {
    await rig.signIn();
    const remove = rig.fake.platform.permissions.remove;
    rig.fake.platform.permissions.remove = async (p) => {
      if (p.permissions) throw new Error('Cannot remove required permission identity');
      return remove(p);
    };
    expect(await rig.ask<ForgetResult>({ type: 'forget', revoke: false })).toEqual({ ok: true, value: { revoked: 'skipped' } });
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.granted()).toEqual([]);
  });
});

describe('the search scope belongs to the stored connection', () => {
  it('a scope that arrives after Forget (the scope chooser sends a moment later) is refused and leaves nothing behind', async () => {
    await rig.connect();
    expect(await rig.ask<ForgetResult>({ type: 'forget', revoke: false })).toMatchObject({ ok: true });
    expect(await rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } }))
      .toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(rig.fake.storage.local.snapshot()[SETTINGS_KEY]).toBeUndefined();
    expect(await rig.ask({ type: 'status' })).toMatchObject({ ok: true, value: { remembered: false } });
  });

  it('sent together with Forget, it never outlives it', async () => {
    await rig.connect();
    const forget = rig.ask<ForgetResult>({ type: 'forget', revoke: false });
    const scope = rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
    await Promise.all([forget, scope]);
    expect(rig.fake.storage.local.snapshot()).toEqual({});
  });
});
