import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startDemoServer, type DemoServer } from './server.ts';
import type { MemberProfile } from './world-types.ts';
import { api, fieldsParam } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

const unauthorized = (description: string): unknown => ({ error: 'authentication-required', error_description: description });

describe('Bearer authentication', () => {
  it('uses DEMO_TOKEN by default, a realistic-looking token', () => {
    expect(server.token).toBe(DEMO_TOKEN);
    expect(DEMO_TOKEN.length).toBeGreaterThan(40);
    expect(DEMO_TOKEN.split('.')).toHaveLength(3);
  });

  it.each([
    ['no Authorization header', null, undefined, 'Authentication required'],
    ['an unknown token', 'not-a-real-token', undefined, 'Invalid access token'],
    ['another scheme', null, { authorization: `Basic ${DEMO_TOKEN}` }, 'Unsupported authorization scheme; use a Bearer token'],
  ])('answers 401 authentication-required for %s', async (_label, token, headers, description) => {
    const r = await api(server, '/team-directory/profiles/me', { token, headers });
    expect(r.status).toBe(401);
    expect(r.json).toEqual(unauthorized(description));
  });

  it('accepts the scheme case-insensitively', async () => {
    const r = await api(server, '/team-directory/profiles/me', { token: null, headers: { authorization: `bearer ${DEMO_TOKEN}` } });
    expect(r.status).toBe(200);
  });

  it('accepts extra tokens, each answering as its owner', async () => {
    server.addToken('token-for-taro', 'taro.yamada');
    const r = await api<MemberProfile>(server, `/team-directory/profiles/me?${fieldsParam('username')}`, { token: 'token-for-taro' });
    expect(r.json).toEqual({ username: 'taro.yamada' });
    expect(() => server.addToken('x', 'no.such.person')).toThrow(/no profile/);
  });

  it('honours a custom primary token', async () => {
    const custom = await startDemoServer({ token: 'sentinel-token-0123456789' });
    try {
      expect(custom.token).toBe('sentinel-token-0123456789');
      expect((await api(custom, '/team-directory/profiles/me')).status).toBe(200);
      expect((await api(custom, '/team-directory/profiles/me', { token: DEMO_TOKEN })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});

describe('revoking the current token', () => {
  it('really revokes: every later call with that token gets 401, other tokens keep working', async () => {
    server.addToken('token-to-revoke');
    expect((await api(server, '/projects?term=', { token: 'token-to-revoke' })).status).toBe(200);

    const revoke = await api(server, '/team-directory/profiles/me/permanent-tokens/current', { method: 'DELETE', token: 'token-to-revoke' });
    expect(revoke.status).toBe(200);
    expect(revoke.text).toBe('');

    for (const path of ['/team-directory/profiles/me', '/projects/key:ABC', '/team-directory/locations']) {
      const r = await api(server, path, { token: 'token-to-revoke' });
      expect(r.status).toBe(401);
      expect(r.json).toEqual(unauthorized('Access token has been revoked'));
    }
    const again = await api(server, '/team-directory/profiles/me/permanent-tokens/current', { method: 'DELETE', token: 'token-to-revoke' });
    expect(again.status).toBe(401);
    expect((await api(server, '/team-directory/profiles/me')).status).toBe(200);
  });

  it("refuses to revoke another member's current token", async () => {
    const r = await api(server, '/team-directory/profiles/username:zoe.lambert/permanent-tokens/current', { method: 'DELETE' });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ error: 'permission-denied' });
    expect((await api(server, '/team-directory/profiles/me')).status).toBe(200);
  });

  it('accepts the owner by username too', async () => {
    server.addToken('token-by-username');
    const r = await api(server, '/team-directory/profiles/username:alex.demo/permanent-tokens/current', { method: 'DELETE', token: 'token-by-username' });
    expect(r.status).toBe(200);
    expect((await api(server, '/team-directory/profiles/me', { token: 'token-by-username' })).status).toBe(401);
  });

  it('lets addToken revive a revoked token (for long-running demos)', async () => {
    server.addToken('token-revived');
    await api(server, '/team-directory/profiles/me/permanent-tokens/current', { method: 'DELETE', token: 'token-revived' });
    server.addToken('token-revived');
    expect((await api(server, '/team-directory/profiles/me', { token: 'token-revived' })).status).toBe(200);
  });
});
