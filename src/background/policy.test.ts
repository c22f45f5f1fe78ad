/**
 * Managed settings bind the stored connection too (issue 15, item 9): a connection saved before the organization
 * set `spaceUrl` or `signInMethods` is refused on the next status read — its secret dropped, its host access given
 * back, the refusal said by the status (badge, popup, Options) — and a mistyped `signInMethods` refuses rather than
 * being read as "no policy". Against the real demo server, through the router, as the pages ask.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../shared/protocol.ts';
import { originPattern } from '../space/base-url.ts';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, TOKEN_KEY } from './connection-store.ts';
import fc from 'fast-check';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';
import { localDirectoryAllowed, parsePolicy, readLocalDirectoryAllowed } from './policy.ts';
import { useRig, type Rig } from './test-support/harness.ts';
import { CONNECTION_KEY } from '../shared/storage-keys.ts';

const rigs = useRig();
let rig: Rig;
beforeEach(() => { rig = rigs.current; });

const status = async () => {
  const answer = await rig.ask<ConnectionStatus>({ type: 'status' });
  if (!answer.ok) throw new Error(`status failed: ${answer.error.code}`);
  return answer.value;
};
const projects = () => rig.ask<unknown[]>({ type: 'projects', query: '' });
const secretsLeft = () => ({
  local: [TOKEN_KEY, REFRESH_TOKEN_KEY].filter((k) => k in rig.fake.storage.local.snapshot()),
  session: [TOKEN_KEY, REFRESH_TOKEN_KEY, ACCESS_TOKEN_KEY].filter((k) => k in rig.fake.storage.session.snapshot()),
});

describe('a policy set after the connection was saved', () => {
  it('another Space: refused within one status read — secret dropped, host access given back, badge and status say why', async () => {
    await rig.connect();
    rig.fake.setManaged({ spaceUrl: 'https://space.example.com' });
    expect(await status()).toMatchObject({
      configured: false, origin: rig.server.url, identity: null, remembered: true,
      refused: { code: 'policy', reason: 'url', host: 'space.example.com' },
    });
    expect(secretsLeft()).toEqual({ local: [], session: [] });
    expect(rig.fake.storage.local.dump()).not.toContain(rig.server.token);
    expect(rig.fake.granted()).toEqual([]);
    expect(rig.fake.record.badge).toMatchObject({ text: '!', title: rig.fake.platform.i18n.getMessage('bg_badgePolicy') });
    expect(rig.fake.record.badge.title).toMatch(/set by your organization/);
    // The record stays for Options to name and Forget; nothing can be searched with it.
    expect(rig.fake.storage.local.snapshot()[CONNECTION_KEY]).toMatchObject({ origin: rig.server.url });
    rig.server.clearRequests();
    expect(await projects()).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('a way of connecting no longer allowed: a personal token under "oauth", a sign-in under "token"', async () => {
    await rig.connect();
    rig.fake.setManaged({ signInMethods: 'oauth' });
    expect(await status()).toMatchObject({ configured: false, refused: { code: 'policy', reason: 'method' } });
    expect(secretsLeft()).toEqual({ local: [], session: [] });

    rig.fake.setManaged(null);
    rig.fake.grant(originPattern(rig.server.url)); // as Options asks again in the click
    await rig.signIn();
    rig.fake.setManaged({ signInMethods: 'token' });
    expect(await status()).toMatchObject({ configured: false, method: 'oauth', refused: { code: 'policy', reason: 'method' } });
    expect(secretsLeft()).toEqual({ local: [], session: [] });
    expect(rig.fake.storage.local.dump()).not.toMatch(/demo-oauth-(rt|at)\./);
  });

  it('a mistyped signInMethods fails closed: the stored connection is refused as an unusable policy', async () => {
    await rig.connect();
    rig.fake.setManaged({ signInMethods: 'Oauth' });
    expect(await status()).toMatchObject({ configured: false, refused: { code: 'policy', reason: 'invalid' } });
    expect(secretsLeft()).toEqual({ local: [], session: [] });
    expect(await rig.ask({ type: 'policy' })).toMatchObject({ ok: true, value: { invalid: ['signInMethods'] } });
  });

  it('a policy that still allows the connection changes nothing (and forced session-only only moves the secret)', async () => {
    await rig.connect();
    rig.fake.setManaged({ spaceUrl: rig.server.url, signInMethods: 'both' });
    expect(await status()).toMatchObject({ configured: true, auth: 'ok' });
    expect((await status()).refused).toBeUndefined();
    rig.fake.setManaged({ spaceUrl: rig.server.url, signInMethods: 'token', forceSessionOnly: true });
    expect(await status()).toMatchObject({ configured: true, auth: 'ok', sessionOnly: true });
    expect(secretsLeft()).toEqual({ local: [], session: [TOKEN_KEY] });
    expect((await projects()).ok).toBe(true);
  });

  it('once the policy is lifted, what is left is plain remains: Forget, or connect again', async () => {
    await rig.connect();
    rig.fake.setManaged({ spaceUrl: 'https://space.example.com' });
    await status();
    rig.fake.setManaged(null);
    const after = await status();
    expect(after).toMatchObject({ configured: false, remembered: true });
    expect(after.refused).toBeUndefined();
    expect(rig.fake.record.badge.text).toBe('?');
    rig.fake.grant(originPattern(rig.server.url));
    expect((await rig.connect()).configured).toBe(true);
  });

  it('a connection saved after the refusal, as the policy allows, is not touched by it', async () => {
    await rig.connect();
    rig.fake.setManaged({ signInMethods: 'oauth' });
    await status();
    rig.fake.grant(originPattern(rig.server.url));
    await rig.signIn();
    expect(await status()).toMatchObject({ configured: true, method: 'oauth', auth: 'ok' });
    expect((await projects()).ok).toBe(true);
  });
});

describe('the managed schema', () => {
  it('declares every setting the worker reads: each, unusable, is reported by name', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const keys = Object.keys(schema.properties).sort();
    // A value no setting accepts (an object) makes each key the worker reads land in `invalid`; one it ignores would not.
    expect(parsePolicy(Object.fromEntries(keys.map((k) => [k, {}]))).invalid.sort()).toEqual(keys);
  });

  it('has no enum for signInMethods: Chromium would drop a mistyped value before the worker could refuse it', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, { type: string; enum?: unknown }>;
    };
    expect(schema.properties.signInMethods).toMatchObject({ type: 'string' });
    expect(schema.properties.signInMethods).not.toHaveProperty('enum');
    // And the worker reads what would have failed it as unusable, not as "both".
    expect(parsePolicy({ signInMethods: 'sso' })).toMatchObject({ methods: 'both', invalid: ['signInMethods'] });
  });
});

describe('localDirectory (issue 16)', () => {
  it('allows the local directory unless set to false; anything but a boolean turns it off and is reported', () => {
    expect(localDirectoryAllowed({})).toBe(true);
    expect(localDirectoryAllowed({ localDirectory: true })).toBe(true);
    expect(localDirectoryAllowed({ localDirectory: false })).toBe(false);
    expect(parsePolicy({ localDirectory: false }).invalid).toEqual([]);
    expect(parsePolicy({ localDirectory: 'false' }).invalid).toEqual(['localDirectory']);
    fc.assert(fc.property(fc.anything().filter((v) => v !== undefined && v !== true), (value) => {
      expect(localDirectoryAllowed({ localDirectory: value })).toBe(false);
    }));
  });

  it('reads the managed storage as it is now: no managed storage, or none for the extension (Firefox rejects), allows it', async () => {
    expect(await readLocalDirectoryAllowed(createFakeBrowser().platform)).toBe(true);
    const fake = createFakeBrowser({ managed: { localDirectory: false } });
    expect(await readLocalDirectoryAllowed(fake.platform)).toBe(false);
    fake.setManaged({ spaceUrl: 'https://space.example.com' });
    expect(await readLocalDirectoryAllowed(fake.platform)).toBe(true);
    fake.setManaged({ localDirectory: 0 });
    expect(await readLocalDirectoryAllowed(fake.platform)).toBe(false);
  });
});
