import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECTION_KEY, LAST_VIEW_KEY } from '../../shared/storage-keys.ts';
import type { ConnectionStatus, ForgetResult, Settings } from '../../shared/protocol.ts';
import type { Entity } from '../../shared/kinds.ts';
import { createSpaceClient } from '../../space/client.ts';
import { originPattern } from '../../space/base-url.ts';
import { TOKEN_KEY } from '../connection-store.ts';
import { cacheKey, writeCache } from '../cache.ts';
import { closedPortOrigin, createRig, T0, type Rig } from '../test-support/harness.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await createRig();
});
afterEach(async () => {
  await rig.close();
});

describe('status', () => {
  it('says not configured before anything is saved, and the badge asks for setup', async () => {
    const answer = await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(answer).toEqual({ ok: true, value: {
      configured: false, origin: null, host: null, identity: null, method: 'token', clientId: null, tokenLast4: null, lastVerified: null,
      sessionOnly: false, auth: 'unverified', remembered: false,
    } });
    expect(rig.fake.record.badge.text).toBe('?');
    expect(rig.fake.record.badge.title).toMatch(/not connected/i);
  });

  it('reports a revoked host permission and shows it on the badge', async () => {
    await rig.connect();
    rig.fake.revoke(originPattern(rig.server.url));
    const answer = await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(answer.ok && answer.value.auth).toBe('no-host-permission');
    expect(rig.fake.record.badge.text).toBe('!');
    expect(rig.fake.record.badge.title).toMatch(/no access/i);
  });

  it('reads the connection and checks the host permission once per ask (the popup asks on every open)', async () => {
    await rig.connect();
    const reads = vi.spyOn(rig.fake.platform.storage.local, 'get');
    const checks = vi.spyOn(rig.fake.platform.permissions, 'contains');
    await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(reads.mock.calls.filter(([k]) => k === CONNECTION_KEY)).toHaveLength(1);
    expect(checks).toHaveBeenCalledTimes(1);
  });
});

describe('connect', () => {
  it('verifies the token, stores it in storage.local under one key, and reports the identity', async () => {
    const status = await rig.connect();
    expect(status).toMatchObject({
      configured: true, origin: rig.server.url, host: new URL(rig.server.url).host,
      identity: { name: 'Alex Demo', username: 'alex.demo' }, tokenLast4: rig.server.token.slice(-4),
      lastVerified: T0, sessionOnly: false, auth: 'ok',
    });
    const local = rig.fake.storage.local.snapshot();
    expect(local[TOKEN_KEY]).toBe(rig.server.token);
    expect(local[CONNECTION_KEY]).toMatchObject({ origin: rig.server.url, id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(rig.fake.storage.sync.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(rig.fake.record.badge.text).toBe('');
    expect(rig.server.requests.map((r) => r.path)).toEqual(['/api/http/team-directory/profiles/me']);
  });

  it('normalizes the URL (scheme added, path dropped) and trims a pasted token', async () => {
    const host = new URL(rig.server.url).host;
    const answer = await rig.ask<ConnectionStatus>({ type: 'connect', url: ` ${host}/p/abc/issues `, token: `${rig.server.token}\n`, sessionOnly: false });
    expect(answer.ok && answer.value.origin).toBe(rig.server.url);
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBe(rig.server.token);
  });

  it('rejects a wrong token with unauthorized and writes nothing', async () => {
    const answer = await rig.ask({ type: 'connect', url: rig.server.url, token: 'not-a-real-token-1234', sessionOnly: false });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.fake.storage.local.writes).toEqual([]);
    expect(rig.fake.storage.session.writes).toEqual([]);
  });

  it('refuses a token with inner whitespace before any request', async () => {
    const answer = await rig.ask({ type: 'connect', url: rig.server.url, token: 'abc def', sessionOnly: false });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(rig.server.requests).toEqual([]);
  });

  describe('a failed attempt keeps the working connection', () => {
    let before: Record<string, unknown>;
    beforeEach(async () => {
      await rig.connect();
      before = rig.fake.storage.local.snapshot();
    });

    it('wrong token', async () => {
      const answer = await rig.ask({ type: 'connect', url: rig.server.url, token: 'wrong-token-0000', sessionOnly: false });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(rig.fake.storage.local.snapshot()).toEqual(before);
    });

    it('unreachable server (closed port)', async () => {
      const answer = await rig.ask({ type: 'connect', url: await closedPortOrigin(), token: rig.server.token, sessionOnly: false });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      expect(rig.fake.storage.local.snapshot()).toEqual(before);
    });

    it.each([
      ['javascript:alert(1)', 'unsupported-scheme'],
      ['http://space.example.com', 'insecure-http'],
      ['https://user:pw@space.example.com', 'credentials'],
      ['https://exa mple.com', 'invalid-host'],
      ['', 'empty'],
    ])('invalid URL %j', async (url, reason) => {
      const answer = await rig.ask({ type: 'connect', url, token: rig.server.token, sessionOnly: false });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-url', reason } });
      expect(rig.fake.storage.local.snapshot()).toEqual(before);
      expect(rig.server.requests).toHaveLength(1);
    });

    it('host permission not granted: no request at all', async () => {
      rig.server.clearRequests();
      const answer = await rig.ask({ type: 'connect', url: 'https://space.example.com', token: rig.server.token, sessionOnly: false });
      expect(answer).toStrictEqual({ ok: false, error: { code: 'no-host-permission', host: 'space.example.com' } });
      expect(rig.server.requests).toEqual([]);
      expect(rig.fake.storage.local.snapshot()).toEqual(before);
    });

    it('a server error', async () => {
      rig.server.setFault('/team-directory/profiles/me', { status: 500 });
      const answer = await rig.ask({ type: 'connect', url: rig.server.url, token: rig.server.token, sessionOnly: true });
      expect(answer).toMatchObject({ ok: false, error: { code: 'server' } });
      expect(rig.fake.storage.local.snapshot()).toEqual(before);
      expect(rig.fake.storage.session.snapshot()).toEqual({});
    });
  });

  it('replacing the token clears caches and the last view', async () => {
    await rig.connect();
    await rig.fake.storage.session.set({ [cacheKey('x', 'person', 'jo')]: { value: [], storedAt: T0 }, [LAST_VIEW_KEY]: { query: 'jo' } });
    rig.server.addToken('second-token-abcdef');
    await rig.connect('second-token-abcdef');
    expect(Object.keys(rig.fake.storage.session.snapshot())).toEqual([]);
  });

  it('session-only keeps the token in storage.session; after a browser restart the origin stays for prefill', async () => {
    await rig.connect(rig.server.token, false);
    const status = await rig.connect(rig.server.token, true);
    expect(status.sessionOnly).toBe(true);
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(rig.fake.storage.session.snapshot()[TOKEN_KEY]).toBe(rig.server.token);

    rig.fake.restartBrowser();
    const after = await rig.ask<ConnectionStatus>({ type: 'status' });
    expect(after).toEqual({ ok: true, value: {
      configured: false, origin: rig.server.url, host: new URL(rig.server.url).host, identity: null, method: 'token', clientId: null,
      tokenLast4: null, lastVerified: null, sessionOnly: true, auth: 'unverified', remembered: true,
    } });
    expect(rig.fake.record.badge.text).toBe('?');
    expect(await rig.ask({ type: 'details', kind: 'person', id: 'alex.demo' })).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });
});

describe('verify', () => {
  it('refreshes lastVerified', async () => {
    await rig.connect();
    rig.advance(60_000);
    const answer = await rig.ask<ConnectionStatus>({ type: 'verify' });
    expect(answer.ok && answer.value.lastVerified).toBe(T0 + 60_000);
  });

  it('marks a revoked token rejected (badge too), keeps it stored, and clears the mark once it works again', async () => {
    await rig.connect();
    await createSpaceClient({ origin: rig.server.url, token: rig.server.token }).revokeCurrentToken();
    const answer = await rig.ask({ type: 'verify' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.fake.storage.local.snapshot()[TOKEN_KEY]).toBe(rig.server.token);
    expect((await rig.ask<ConnectionStatus>({ type: 'status' }))).toMatchObject({ ok: true, value: { auth: 'rejected', configured: true } });
    expect(rig.fake.record.badge.text).toBe('!');
    expect(rig.fake.record.badge.title).toMatch(/rejected/i);

    // Searches and details fail fast now, without sending the dead token again.
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'details', kind: 'person', id: 'alex.demo' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.server.requests).toEqual([]);

    rig.server.addToken(rig.server.token); // un-revoke
    expect(await rig.ask({ type: 'verify' })).toMatchObject({ ok: true, value: { auth: 'ok' } });
    expect(rig.fake.record.badge.text).toBe('');
  });

  it('without a connection says not configured', async () => {
    expect(await rig.ask({ type: 'verify' })).toMatchObject({ ok: false, error: { code: 'not-configured' } });
  });
});

describe('forget', () => {
  it('revokes the token in Space when asked, then removes everything', async () => {
    await rig.connect();
    await rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
    const id = (rig.fake.storage.local.snapshot()[CONNECTION_KEY] as { id: string }).id;
    await writeCache(rig.fake.platform, { key: id, private: false }, cacheKey(id, 'person', 'jo'), [], T0);
    expect(Object.keys(rig.fake.storage.session.snapshot())).toContain(cacheKey(id, 'person', 'jo'));
    const answer = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(answer).toEqual({ ok: true, value: { revoked: 'confirmed' } });
    expect(rig.server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/http/team-directory/profiles/me/permanent-tokens/current' });
    // The server really no longer accepts it.
    await expect(createSpaceClient({ origin: rig.server.url, token: rig.server.token, retry: { retries: 0 } }).me())
      .rejects.toMatchObject({ code: 'unauthorized' });
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()).toEqual({});
    expect(rig.fake.record.badge.text).toBe('?');
    expect(await rig.ask({ type: 'status' })).toMatchObject({ ok: true, value: { configured: false, origin: null } });
  });

  it('still forgets when the revoke fails, and says why', async () => {
    await rig.connect(rig.server.token, true);
    rig.server.setFault('/team-directory/profiles/me/permanent-tokens', { status: 503 });
    const answer = await rig.ask<ForgetResult>({ type: 'forget', revoke: true });
    expect(answer).toMatchObject({ ok: true, value: { revoked: 'failed', error: { code: 'server' } } });
    expect(rig.fake.storage.local.snapshot()).toEqual({});
    expect(rig.fake.storage.session.snapshot()).toEqual({});
  });

  it('without revoke makes no request', async () => {
    await rig.connect();
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'forget', revoke: false })).toEqual({ ok: true, value: { revoked: 'skipped' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('with nothing saved reports the revoke as failed (not configured) and succeeds', async () => {
    expect(await rig.ask({ type: 'forget', revoke: true })).toMatchObject({ ok: true, value: { revoked: 'failed', error: { code: 'not-configured' } } });
  });
});

describe('details', () => {
  beforeEach(async () => {
    await rig.connect();
  });

  it.each([
    ['person', 'alex.demo', 'Alex Demo'],
    ['project', 'ABC', 'Alpha Backend Core'],
    ['issue', 'ABC-T-131', 'Remove deprecated flags from the token refresh'],
    ['review', 'ABC-MR-29', 'Clean up audit log logging'],
    ['repository', 'ABC/backend', 'backend'],
  ] as const)('%s %s', async (kind, id, title) => {
    const answer = await rig.ask<Entity>({ type: 'details', kind, id });
    expect(answer).toMatchObject({ ok: true, value: { kind, title } });
    expect(answer.ok && answer.value.webUrl.startsWith(`${rig.server.url}/`)).toBe(true);
  });

  it('a missing entity is not-found', async () => {
    expect(await rig.ask({ type: 'details', kind: 'issue', id: 'ABC-T-99999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a malformed repository id is a bad request, without a request', async () => {
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'details', kind: 'repository', id: 'no-slash' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('a 401 marks the token rejected', async () => {
    rig.server.setFault('/team-directory/profiles', { status: 401 });
    expect(await rig.ask({ type: 'details', kind: 'person', id: 'alex.demo' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.fake.storage.local.snapshot()[CONNECTION_KEY]).toMatchObject({ auth: 'rejected' });
    expect(rig.fake.record.badge.text).toBe('!');
  });
});

describe('avatar', () => {
  it('hands over a raster data: URL, cached for the next ask', async () => {
    await rig.connect();
    const me = await createSpaceClient({ origin: rig.server.url, token: rig.server.token }).me();
    const answer = await rig.ask<{ dataUrl: string }>({ type: 'avatar', id: me.avatarId ?? '' });
    expect(answer.ok && answer.value.dataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'avatar', id: me.avatarId ?? '' })).toEqual(answer);
    expect(rig.server.requests).toEqual([]);
  });

  it('refuses ids that could leave the /d/ path', async () => {
    await rig.connect();
    rig.server.clearRequests();
    for (const id of ['../api/http/team-directory/profiles/me', 'a/b', 'a?b', '%2e%2e']) {
      expect(await rig.ask({ type: 'avatar', id })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(rig.server.requests).toEqual([]);
  });
});

describe('settings and projects', () => {
  it('stores normalized project keys and rejects non-keys', async () => {
    // A scope belongs to a stored connection (without one it is refused: credentials.test.ts).
    await rig.connect();
    expect(await rig.ask<Settings>({ type: 'settings-get' })).toEqual({ ok: true, value: { searchProjects: [], showWaitingCount: false } });
    expect(await rig.ask({ type: 'settings-set', settings: { searchProjects: ['abc', 'WEB', 'ABC'] } }))
      .toEqual({ ok: true, value: { searchProjects: ['ABC', 'WEB'], showWaitingCount: false } });
    expect(await rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC', 'not a key'] } }))
      .toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await rig.ask({ type: 'settings-get' })).toEqual({ ok: true, value: { searchProjects: ['ABC', 'WEB'], showWaitingCount: false } });
  });

  it('lists the user’s projects for an empty query and searches otherwise', async () => {
    await rig.connect();
    const mine = await rig.ask<{ key: string; name: string }[]>({ type: 'projects', query: '' });
    expect(mine.ok && mine.value.map((p) => p.key)).toEqual(['ABC', 'HANDBOOK', 'WEB', 'ORBIT']);
    const found = await rig.ask<{ key: string; name: string }[]>({ type: 'projects', query: 'orbit' });
    expect(found).toEqual({ ok: true, value: [{ key: 'ORBIT', name: 'Orbit Planner' }] });
  });
});
