import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeBadgeState, refreshBadge } from './badge.ts';
import {
  CONNECTION_KEY, TOKEN_KEY, last4, readConnection, readStatus, restrictStorageAccess, saveConnection, tokenFingerprint,
  updateConnection,
} from './connection-store.ts';
import { onStartup } from './install.ts';
import { createFakeBrowser } from './test-support/fake-browser.ts';

const ORIGIN = 'https://space.example.com';
const save = (fake: ReturnType<typeof createFakeBrowser>, token: string, sessionOnly = false) =>
  saveConnection(fake.platform, { origin: ORIGIN, token, identity: { name: 'Ann', username: 'ann' }, sessionOnly, now: 1 });

describe('connection store', () => {
  it('fingerprints origin + token with SHA-256, first 16 hex characters', async () => {
    const expected = createHash('sha256').update(`${ORIGIN}\nsecret`).digest('hex').slice(0, 16);
    expect(await tokenFingerprint(ORIGIN, 'secret')).toBe(expected);
    expect(await tokenFingerprint('https://other.example.com', 'secret')).not.toBe(expected);
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

  it('a late update for a replaced token changes nothing', async () => {
    const fake = createFakeBrowser();
    const old = await save(fake, 'token-number-one');
    await save(fake, 'token-number-two');
    expect(await updateConnection(fake.platform, old.fingerprint, { auth: 'rejected' })).toBeNull();
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
    await updateConnection(fake.platform, record.fingerprint, { auth: 'rejected' });
    expect(await refreshBadge(fake.platform)).toBe('rejected');
    expect(fake.record.badge.text).toBe('!');
    expect(fake.record.badge.title).toContain('Replace it in Options');
  });

  it('says what the pages are told: a rejected token without host access shows "no host access" on both', async () => {
    const fake = createFakeBrowser();
    const record = await save(fake, 'token-number-one');
    await updateConnection(fake.platform, record.fingerprint, { auth: 'rejected' });
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
