import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureOf } from '../../kinds/test-support/fixtures.ts';
import { HOME_KEYS, MAX_PINNED, MAX_RECENT, PINNED_KEY, RECENT_KEY, type PinnedList, type RecentList } from '../../shared/home.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import { CONNECTION_KEY } from '../../shared/storage-keys.ts';
import { createFakeBrowser } from '../../shared/test-support/fake-browser.ts';
import type { Platform } from '../platform.ts';
import { addRecent, notePinnedAnswer, setPinned } from './recent-pinned.ts';
import { clearHomeLists, homeWritesSettled, readHomeList, updateHomeList } from './store.ts';

const ORIGIN = 'https://space.example.com';
const entity = (n: number, kind: EntityKind = 'issue'): Entity =>
  ({ ...fixtureOf(kind, (i) => `v${i}`), id: `${kind}-${n}`, key: `ABC-T-${n}`, webUrl: `${ORIGIN}/p/abc/issues/${n}` }) as Entity;
const record = (id: string, sessionOnly = false) => ({
  id, origin: ORIGIN, method: 'token', clientId: null, identity: null, lastVerified: null, auth: 'ok', sessionOnly, tokenLast4: null,
});

let platform: Platform;
const owner = { key: 'c1', private: false };

async function connectAs(id: string, sessionOnly = false) {
  await platform.storage.local.set({ [CONNECTION_KEY]: record(id, sessionOnly), token: 'secret-token-1234' });
  if (sessionOnly) await platform.storage.session.set({ token: 'secret-token-1234' });
}

const stored = async (area: 'local' | 'session', key: string) => (await platform.storage[area].get(key))[key];
const recentIds = async () => ((await stored('local', RECENT_KEY)) as RecentList | undefined)?.items.map((i) => i.entity.id);

beforeEach(async () => {
  platform = createFakeBrowser().platform;
  await connectAs('c1');
});

describe('Recent', () => {
  it('puts the newest first, each item once, at most MAX_RECENT', async () => {
    for (let n = 0; n < MAX_RECENT + 5; n++) await addRecent(platform, owner, entity(n), 1000 + n);
    await addRecent(platform, owner, entity(10), 5000);
    const ids = await recentIds();
    expect(ids).toHaveLength(MAX_RECENT);
    expect(ids?.[0]).toBe('issue-10');
    expect(ids?.filter((id) => id === 'issue-10')).toHaveLength(1);
    expect(ids?.[1]).toBe(`issue-${MAX_RECENT + 4}`);
    expect(ids).not.toContain('issue-0');
  });

  it('tells the same id of two kinds apart', async () => {
    await addRecent(platform, owner, { ...entity(1), id: 'x' } as Entity, 1);
    await addRecent(platform, owner, { ...entity(1, 'project'), id: 'x' } as Entity, 2);
    expect(await recentIds()).toEqual(['x', 'x']);
  });

  it('loses no update when Recent and Pinned change at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, n) => [
      addRecent(platform, owner, entity(n), n),
      setPinned(platform, owner, { kind: 'issue', id: `issue-${n}`, entity: entity(n) }, true, n),
    ]).flat());
    expect(await recentIds()).toEqual(Array.from({ length: 12 }, (_, n) => `issue-${11 - n}`));
    const pinned = (await stored('local', PINNED_KEY)) as PinnedList;
    expect(pinned.items.map((i) => i.entity.id)).toEqual(Array.from({ length: 12 }, (_, n) => `issue-${n}`));
  });

  it('writes nothing for a private window', async () => {
    expect(await addRecent(platform, { key: 'c1', private: true }, entity(1), 1)).toBe(false);
    await expect(setPinned(platform, { key: 'c1', private: true }, { kind: 'issue', id: 'issue-1', entity: entity(1) }, true, 1))
      .resolves.toEqual({ connection: 'c1', items: [] });
    for (const area of ['local', 'session'] as const) for (const key of HOME_KEYS) expect(await stored(area, key)).toBeUndefined();
  });

  it('keeps the well-formed entries of a list an older version or a hand edit left, and drops the rest', async () => {
    await platform.storage.local.set({ [RECENT_KEY]: { connection: 'c1', items: [
      { entity: entity(1), at: 1 }, { entity: { kind: 'issue', id: 'old' }, at: 2 }, 'junk', { entity: entity(2), at: 'x' }, { entity: entity(3), at: 3 },
    ] } });
    await addRecent(platform, owner, entity(4), 4);
    expect(await recentIds()).toEqual(['issue-4', 'issue-1', 'issue-3']);
  });
});

describe('the generation rule', () => {
  it('a write racing a Forget writes nothing', async () => {
    const writes = [addRecent(platform, owner, entity(1), 1), setPinned(platform, owner, { kind: 'issue', id: 'issue-2', entity: entity(2) }, true, 2)];
    // Forget: the record goes (credential queue), then the lists are cleared, while the writes are still queued.
    await platform.storage.local.remove([CONNECTION_KEY, 'token']);
    await Promise.all([...writes, clearHomeLists(platform)]);
    await homeWritesSettled();
    for (const area of ['local', 'session'] as const) for (const key of HOME_KEYS) expect(await stored(area, key)).toBeUndefined();
  });

  it('a write checked before a Forget is cleared by it; one of a replaced connection never lands', async () => {
    const before = addRecent(platform, owner, entity(1), 1);
    const clear = clearHomeLists(platform);
    await Promise.all([before, clear]);
    expect(await stored('local', RECENT_KEY)).toBeUndefined();

    await connectAs('c2');
    expect(await addRecent(platform, owner, entity(1), 1)).toBe(false);
    expect(await stored('local', RECENT_KEY)).toBeUndefined();
    expect(await readHomeList(platform, owner, RECENT_KEY)).toBeNull();
  });

  it('a list left by another connection is never read as this one\'s', async () => {
    await platform.storage.local.set({ [RECENT_KEY]: { connection: 'c0', items: [{ entity: entity(9), at: 1 }] } });
    await addRecent(platform, owner, entity(1), 2);
    expect(await recentIds()).toEqual(['issue-1']);
  });
});

describe('where the lists live', () => {
  it('a session-only connection keeps them in storage.session, and nothing on disk', async () => {
    await platform.storage.local.set({ [RECENT_KEY]: { connection: 'c1', items: [{ entity: entity(7), at: 1 }] } });
    await connectAs('c1', true);
    await addRecent(platform, owner, entity(1), 2);
    expect(await stored('local', RECENT_KEY)).toBeUndefined();
    expect(((await stored('session', RECENT_KEY)) as RecentList).items.map((i) => i.entity.id)).toEqual(['issue-1', 'issue-7']);
  });

  it('clearing removes all three lists from both areas', async () => {
    await updateHomeList(platform, owner, RECENT_KEY, () => ({ connection: 'c1', items: [] }));
    await platform.storage.session.set({ [PINNED_KEY]: { connection: 'c1', items: [] }, other: 1 });
    await clearHomeLists(platform);
    for (const area of ['local', 'session'] as const) for (const key of HOME_KEYS) expect(await stored(area, key)).toBeUndefined();
    expect(await stored('session', 'other')).toBe(1);
  });
});

describe('Pinned', () => {
  const pin = (n: number, pinned = true, e: Entity | null = entity(n)) =>
    setPinned(platform, owner, { kind: 'issue', id: `issue-${n}`, entity: e }, pinned, n);

  it('keeps pins in the order made, refuses one past MAX_PINNED, unpins', async () => {
    for (let n = 0; n < MAX_PINNED; n++) await pin(n);
    await expect(pin(99)).rejects.toMatchObject({ error: { code: 'bad-request', reason: 'pin-limit' } });
    const full = await pin(3);
    expect(full.items.map((i) => i.entity.id)).toEqual(Array.from({ length: MAX_PINNED }, (_, n) => `issue-${n}`));
    const after = await pin(3, false, null);
    expect(after.items).toHaveLength(MAX_PINNED - 1);
    expect(after.items.map((i) => i.entity.id)).not.toContain('issue-3');
    expect((await pin(99)).items.at(-1)?.entity.id).toBe('issue-99');
  });

  it('refuses to pin what the worker does not hold, but unpins it', async () => {
    await expect(pin(1, true, null)).rejects.toMatchObject({ error: { code: 'bad-request', reason: 'pin-unknown' } });
    await pin(2);
    expect((await pin(2, false, null)).items).toEqual([]);
  });

  it('marks a pin gone when its card is not found, and clears the mark when it is', async () => {
    await pin(1);
    await pin(2);
    const isOne = (e: Entity) => e.id === 'issue-1';
    await notePinnedAnswer(platform, owner, isOne, null);
    let list = (await stored('local', PINNED_KEY)) as PinnedList;
    expect(list.items.map((i) => i.gone)).toEqual([true, undefined]);
    await notePinnedAnswer(platform, { key: 'c1', private: true }, isOne, entity(1));
    list = (await stored('local', PINNED_KEY)) as PinnedList;
    expect(list.items[0]?.gone).toBe(true);
    await notePinnedAnswer(platform, owner, isOne, entity(1));
    list = (await stored('local', PINNED_KEY)) as PinnedList;
    expect(list.items.map((i) => i.gone)).toEqual([undefined, undefined]);
  });
});
