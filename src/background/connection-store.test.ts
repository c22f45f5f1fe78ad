import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeBadgeState, refreshBadge } from './badge.ts';
import { statusOf } from './connection-status.ts';
import {
  ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, TOKEN_KEY, forgetConnection, last4, makeSessionOnly, markSignInRefused, readConnection,
  saveConnection, storeRefreshedTokens, updateConnection, type ConnectionRecord,
} from './connection-store.ts';
import { onStartup } from './install.ts';
import { removeSettings, SETTINGS_KEY } from './settings-store.ts';
import { restrictStorageAccess } from './storage-access.ts';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';
import { CONNECTION_KEY } from '../shared/storage-keys.ts';

const ORIGIN = 'https://space.example.com';
type Platform = ReturnType<typeof createFakeBrowser>['platform'];
const readStatus = async (platform: Platform) => statusOf(platform, await readConnection(platform));
const save = (fake: ReturnType<typeof createFakeBrowser>, token: string, sessionOnly = false) =>
  saveConnection(fake.platform, { origin: ORIGIN, token, identity: { name: 'Ann', username: 'ann' }, sessionOnly, now: 1 });

describe('connection store', () => {
  it('names each saved connection by a new random id, not by anything derived from the token', async () => {
    const fake = createFakeBrowser();
    const a = await save(fake, 'token-number-one');
    const b = await save(fake, 'token-number-one');
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    // Same origin, same token, saved again: another id — so it cannot be a function of them.
    expect(b.id).not.toBe(a.id);
    expect(fake.storage.local.snapshot()[CONNECTION_KEY]).toMatchObject({ id: b.id });
    const hash = createHash('sha256').update(`${ORIGIN}\ntoken-number-one`).digest('hex');
    expect(hash).not.toContain(b.id.slice(0, 8));
    expect(Object.keys(fake.storage.local.snapshot()[CONNECTION_KEY] as object)).not.toContain('fingerprint');
  });

  it('gives a record saved before ids existed an id and drops its token hash, in one write', async () => {
    const fake = createFakeBrowser();
    const legacy = { origin: ORIGIN, identity: null, lastVerified: 1, auth: 'ok', sessionOnly: false, tokenLast4: null, fingerprint: '0123456789abcdef' };
    await fake.storage.local.set({ [CONNECTION_KEY]: legacy, [TOKEN_KEY]: 'token-number-one' });
    const { record, token } = await readConnection(fake.platform);
    expect(token).toBe('token-number-one');
    expect(record?.id).toMatch(/^[0-9a-f]{32}$/);
    // Read back as a personal-token record (the fields sign-in added are filled in on reading, not written).
    expect(record).toMatchObject({ method: 'token', clientId: null });
    const { method: _m, clientId: _c, ...stored } = record!;
    expect(fake.storage.local.snapshot()[CONNECTION_KEY]).toEqual(stored);
    expect(JSON.stringify(fake.storage.local.snapshot())).not.toContain('0123456789abcdef');
  });

  it('shows the last four characters only of a long token', () => {
    expect(last4('abcdefghijkl')).toBe('ijkl');
    expect(last4('short-token')).toBeNull();
  });

  it('moves the token between areas when the mode changes, leaving one copy', async () => {
    const fake = createFakeBrowser();
    await save(fake, 'token-number-one', false);
    await save(fake, 'token-number-one', true);
    expect(fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect(fake.storage.session.snapshot()[TOKEN_KEY]).toBe('token-number-one');
    await save(fake, 'token-number-one', false);
    expect(fake.storage.session.snapshot()[TOKEN_KEY]).toBeUndefined();
    expect((await readConnection(fake.platform)).token).toBe('token-number-one');
  });

  it('switching to session-only: the write that stores the session-only record leaves no token on disk', async () => {
    const fake = createFakeBrowser();
    await save(fake, 'token-number-one', false);
    // After every storage operation of the switch: a record that says "session only" never sits beside a
    // persistent token.
    const states: { sessionOnly: unknown; diskToken: unknown }[] = [];
    const { local, session } = fake.storage;
    const observe = <A extends unknown[]>(op: (...args: A) => Promise<void>) => async (...args: A) => {
      await op(...args);
      const disk = local.snapshot();
      states.push({ sessionOnly: (disk[CONNECTION_KEY] as { sessionOnly?: unknown } | undefined)?.sessionOnly, diskToken: disk[TOKEN_KEY] });
    };
    local.set = observe(local.set.bind(local));
    local.remove = observe(local.remove.bind(local));
    session.set = observe(session.set.bind(session));

    await save(fake, 'token-number-two', true);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) {
      if (state.sessionOnly === true) expect(state.diskToken ?? '').toBe('');
    }
    expect(states.at(-1)).toEqual({ sessionOnly: true, diskToken: undefined });
    expect(fake.storage.session.snapshot()[TOKEN_KEY]).toBe('token-number-two');
  });

  it('says something is remembered while anything of a connection is left, and nothing after removal', async () => {
    const fake = createFakeBrowser();
    expect((await readStatus(fake.platform)).remembered).toBe(false);
    await save(fake, 'token-number-one', true);
    fake.restartBrowser(); // the session-only token is gone; origin, identity and last four remain
    expect(await readStatus(fake.platform)).toMatchObject({ configured: false, remembered: true, origin: ORIGIN });
    await forgetConnection(fake.platform);
    expect((await readStatus(fake.platform)).remembered).toBe(false);
    // A scope on its own, or a token without its record (a worker stopped between two writes), counts too.
    await fake.storage.local.set({ [SETTINGS_KEY]: { searchProjects: ['ABC'] } });
    expect((await readStatus(fake.platform)).remembered).toBe(true);
    await removeSettings(fake.platform);
    expect((await readStatus(fake.platform)).remembered).toBe(false);
    await fake.storage.session.set({ [TOKEN_KEY]: 'stray-token-123' });
    expect((await readStatus(fake.platform)).remembered).toBe(true);
  });

  it('a late update for a replaced token changes nothing', async () => {
    const fake = createFakeBrowser();
    const old = await save(fake, 'token-number-one');
    await save(fake, 'token-number-two');
    expect(await updateConnection(fake.platform, old.id, { auth: 'rejected' })).toBeNull();
    expect(fake.storage.local.snapshot()[CONNECTION_KEY]).toMatchObject({ auth: 'ok' });
  });

  it('ignores a corrupted record', async () => {
    const fake = createFakeBrowser();
    await fake.storage.local.set({ [CONNECTION_KEY]: { origin: 5 }, [TOKEN_KEY]: 'x' });
    expect(await readConnection(fake.platform)).toEqual({ record: null, token: null });
  });

  it('restricts storage to trusted contexts where the browser can, and copes where it cannot', async () => {
    const chrome140 = createFakeBrowser({ setAccessLevel: true });
    await restrictStorageAccess(chrome140.platform);
    expect(chrome140.storage.local.accessLevel).toBe('TRUSTED_CONTEXTS');
    expect(chrome140.storage.session.accessLevel).toBe('TRUSTED_CONTEXTS');

    const firefox = createFakeBrowser({ scheme: 'moz-extension' });
    await expect(restrictStorageAccess(firefox.platform)).resolves.toBeUndefined();

    const older = createFakeBrowser({ setAccessLevel: true });
    older.storage.local.setAccessLevel = () => Promise.reject(new Error('not supported for local'));
    await restrictStorageAccess(older.platform);
    expect(older.storage.session.accessLevel).toBe('TRUSTED_CONTEXTS');
  });
});

describe('one queue for every credential write: a check and the write that relies on it are never split', () => {
  type Fake = ReturnType<typeof createFakeBrowser>;
  const access = { token: 'access-token-2', expiresAt: 10_000, refreshAt: 9_000 };
  const signIn = (fake: Fake, refreshToken: string, sessionOnly = false) => saveConnection(fake.platform, {
    method: 'oauth', origin: ORIGIN, clientId: 'client', refreshToken, access: { token: `access-of-${refreshToken}`, expiresAt: 5_000, refreshAt: 4_000 },
    identity: { name: 'Ann', username: 'ann' }, sessionOnly, now: 1,
  });

  /**
   * The refresh's answer lands, and `storeRefreshedTokens` checks the stored refresh token — at that exact moment
   * (the storage read of the check, which the worker awaits) `other` starts, and gets a turn of the event loop to
   * run before the check's result comes back. Without the queue it runs to its end there, between the check
   * and the write; with it, it waits for the write.
   */
  async function refreshLandingDuring(fake: Fake, record: ConnectionRecord, used: string, other: () => Promise<unknown>) {
    await landingDuring(fake, () => storeRefreshedTokens(fake.platform, record, used, { access, refreshToken: `${used}-rotated` }), other);
  }

  /** `write` (a check, then writes) runs; at its check's storage read, `other` starts and gets a turn of the event loop. */
  async function landingDuring(fake: Fake, write: () => Promise<unknown>, other: () => Promise<unknown>) {
    const local = fake.storage.local;
    const realGet = local.get.bind(local);
    let started: Promise<unknown> | null = null;
    local.get = async (keys) => {
      const got = await realGet(keys);
      const readsSecret = Array.isArray(keys) ? keys.includes(REFRESH_TOKEN_KEY) : keys === REFRESH_TOKEN_KEY;
      if (readsSecret && started === null) {
        started = other();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return got;
    };
    await write();
    expect(started).not.toBeNull();
    await started;
    local.get = realGet;
  }

  it('a refresh answered during Sign out leaves no refresh token (rotated or not) and no access token behind', async () => {
    const fake = createFakeBrowser();
    const a = await signIn(fake, 'refresh-of-user-a');
    await refreshLandingDuring(fake, a, 'refresh-of-user-a', () => forgetConnection(fake.platform));
    expect(fake.storage.local.snapshot()).toEqual({});
    expect(fake.storage.session.snapshot()).toEqual({});
  });

  it("a refresh of user A answered while user B signs in never writes A's refresh token into B's connection", async () => {
    const fake = createFakeBrowser();
    const a = await signIn(fake, 'refresh-of-user-a');
    let b: ConnectionRecord | null = null;
    await refreshLandingDuring(fake, a, 'refresh-of-user-a', async () => {
      b = await signIn(fake, 'refresh-of-user-b');
    });
    const stored = await readConnection(fake.platform);
    expect(stored.record?.id).toBe(b!.id);
    expect(stored.token).toBe('refresh-of-user-b');
    expect(fake.storage.session.snapshot()[ACCESS_TOKEN_KEY]).toMatchObject({ connection: b!.id, token: 'access-of-refresh-of-user-b' });
  });

  it('a refresh answered while the connection becomes session-only writes the rotated token to memory, not to disk', async () => {
    const fake = createFakeBrowser();
    const a = await signIn(fake, 'refresh-of-user-a');
    await refreshLandingDuring(fake, a, 'refresh-of-user-a', () => makeSessionOnly(fake.platform));
    expect(fake.storage.local.snapshot()[REFRESH_TOKEN_KEY]).toBeUndefined();
    expect(fake.storage.local.dump()).not.toContain('refresh-of-user-a');
    expect(fake.storage.session.snapshot()[REFRESH_TOKEN_KEY]).toBe('refresh-of-user-a-rotated');
    expect((await readConnection(fake.platform)).token).toBe('refresh-of-user-a-rotated');
  });
  it("Space's refusal of user A's sign-in, answered while user B signs in, never marks B's connection 'sign in again'", async () => {
    const fake = createFakeBrowser();
    const a = await signIn(fake, 'refresh-of-user-a');
    let b: ConnectionRecord | null = null;
    let marked: unknown = null;
    await landingDuring(fake, async () => {
      marked = await markSignInRefused(fake.platform, a.id, 'refresh-of-user-a');
    }, async () => {
      b = await signIn(fake, 'refresh-of-user-b');
    });
    const stored = await readConnection(fake.platform);
    expect(stored.record?.id).toBe(b!.id);
    expect(stored.record?.auth).toBe('ok');
    expect(fake.storage.session.snapshot()[ACCESS_TOKEN_KEY]).toMatchObject({ connection: b!.id });
    // Queued: A's refusal was checked and written before B's sign-in, which then replaced it.
    expect(marked).toBe(true);
  });

  it('a refusal marks the connection that held the refused token, and drops its access token', async () => {
    const fake = createFakeBrowser();
    const a = await signIn(fake, 'refresh-of-user-a');
    expect(await markSignInRefused(fake.platform, a.id, 'an older refresh token')).toBe(false);
    expect((await readConnection(fake.platform)).record?.auth).toBe('ok');
    expect(await markSignInRefused(fake.platform, a.id, 'refresh-of-user-a')).toBe(true);
    expect((await readConnection(fake.platform)).record?.auth).toBe('rejected');
    expect(fake.storage.session.snapshot()[ACCESS_TOKEN_KEY]).toBeUndefined();
  });
});

describe('badge', () => {
  it('follows the state: not configured → ok → no host access → rejected → ok', async () => {
    const fake = createFakeBrowser();
    await onStartup(fake.platform);
    expect(fake.record.badge).toMatchObject({ text: '?' });

    const record = await save(fake, 'token-number-one');
    fake.grant('https://space.example.com/*');
    expect(await refreshBadge(fake.platform)).toBe('ok');
    expect(fake.record.badge).toMatchObject({ text: '', title: 'Space Lookup: search JetBrains Space' });

    fake.revoke('https://space.example.com/*');
    expect(await computeBadgeState(fake.platform)).toBe('no-host-permission');

    fake.grant('https://space.example.com/*');
    await updateConnection(fake.platform, record.id, { auth: 'rejected' });
    expect(await refreshBadge(fake.platform)).toBe('rejected');
    expect(fake.record.badge.text).toBe('!');
    expect(fake.record.badge.title).toContain('Replace it in Options');
  });

  it('says what the pages are told: a rejected token without host access shows "no host access" on both', async () => {
    const fake = createFakeBrowser();
    const record = await save(fake, 'token-number-one');
    await updateConnection(fake.platform, record.id, { auth: 'rejected' });
    expect((await readStatus(fake.platform)).auth).toBe('no-host-permission');
    expect(await refreshBadge(fake.platform)).toBe('no-host-permission');
    expect(fake.record.badge.title).toBe(fake.platform.i18n.getMessage('bg_badgeNoHostAccess'));
  });

  it('a session-only token lost to a restart shows as not configured', async () => {
    const fake = createFakeBrowser();
    await save(fake, 'token-number-one', true);
    fake.grant('https://space.example.com/*');
    fake.restartBrowser();
    await onStartup(fake.platform);
    expect(fake.record.badge.text).toBe('?');
  });
});
