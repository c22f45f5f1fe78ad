import { describe, expect, it } from 'vitest';
import type { LastView } from '../shared/last-view.ts';
import {
  CACHE_INDEX_KEY, FRESH_MS, MAX_ENTRIES, STALE_MS, cacheKey, clearAllCaches, readCache, writeCache, writeLastView,
  type CacheOwner,
} from './cache.ts';
import { forgetConnection, saveConnection } from './connection-store.ts';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';
import { CONNECTION_KEY, LAST_VIEW_KEY } from '../shared/storage-keys.ts';

/** A fake browser with a stored connection; `owner` is that connection as a normal (not private) request has it. */
async function connected() {
  const fake = createFakeBrowser();
  const record = await saveConnection(fake.platform, {
    origin: 'https://s.example', token: 'token-number-one', identity: { name: 'Ann', username: 'ann' }, sessionOnly: false, now: 0,
  });
  const owner: CacheOwner = { key: record.id, private: false };
  return { fake, owner, key: (kind: string, query: string) => cacheKey(record.id, kind, query) };
}

const view = (owner: CacheOwner, query: string): LastView => ({ connection: owner.key, query, filter: 'all', groups: {}, at: 1 });

describe('session cache', () => {
  it('is fresh, then stale, then gone', async () => {
    const { fake, owner, key } = await connected();
    const k = key('person', 'jo');
    await writeCache(fake.platform, owner, k, ['a'], 1_000);
    expect(await readCache(fake.platform, owner, k, 1_000 + FRESH_MS)).toEqual({ value: ['a'], fresh: true });
    expect(await readCache(fake.platform, owner, k, 1_000 + FRESH_MS + 1)).toEqual({ value: ['a'], fresh: false });
    expect(await readCache(fake.platform, owner, k, 1_000 + STALE_MS + 1)).toBeNull();
  });

  it('treats an entry from the future (clock moved back) as stale', async () => {
    const { fake, owner, key } = await connected();
    const k = key('team', 'x');
    await writeCache(fake.platform, owner, k, 1, 10_000);
    expect(await readCache(fake.platform, owner, k, 5_000)).toEqual({ value: 1, fresh: false });
  });

  it('keeps at most MAX_ENTRIES, evicting the oldest, even with concurrent writes', async () => {
    const { fake, owner, key } = await connected();
    await Promise.all(Array.from({ length: MAX_ENTRIES + 20 }, (_, i) =>
      writeCache(fake.platform, owner, key('person', `q${i}`), i, 1_000 + i)));
    const stored = fake.storage.session.snapshot();
    const entries = Object.keys(stored).filter((k) => k.startsWith('cache:'));
    expect(entries).toHaveLength(MAX_ENTRIES);
    expect(Object.keys(stored[CACHE_INDEX_KEY] as object)).toHaveLength(MAX_ENTRIES);
    expect(stored[key('person', 'q0')]).toBeUndefined();
    expect(stored[key('person', `q${MAX_ENTRIES + 19}`)]).toBeDefined();
  });

  it('writes a burst of kinds finishing together in one index update', async () => {
    const { fake, owner, key } = await connected();
    const session = fake.platform.storage.session;
    const set = session.set.bind(session);
    let sets = 0;
    session.set = (items) => { sets += 1; return set(items); };
    const keys = Array.from({ length: 7 }, (_, i) => key('person', `k${i}`));
    await Promise.all(keys.map((k, i) => writeCache(fake.platform, owner, k, i, 5_000)));
    // One batch: the writes arrive before the first has touched storage (it starts a microtask later).
    expect(sets).toBe(1);
    for (const [i, k] of keys.entries()) expect(await readCache(fake.platform, owner, k, 5_000)).toEqual({ value: i, fresh: true });
    expect(Object.keys(fake.storage.session.snapshot()[CACHE_INDEX_KEY] as object).sort()).toEqual([...keys].sort());
  });

  it('drops expired entries on the next write', async () => {
    const { fake, owner, key } = await connected();
    await writeCache(fake.platform, owner, key('person', 'old'), 1, 0);
    await writeCache(fake.platform, owner, key('person', 'new'), 2, STALE_MS + 1);
    expect(fake.storage.session.snapshot()[key('person', 'old')]).toBeUndefined();
  });

  it('clearAllCaches removes entries (orphans too), the index and the last view, and nothing else', async () => {
    const { fake, owner, key } = await connected();
    await writeCache(fake.platform, owner, key('person', 'jo'), 1, 0);
    await fake.storage.session.set({ 'cache:orphan': { value: 1, storedAt: 0 }, [LAST_VIEW_KEY]: { query: 'jo' }, token: 'keep-me' });
    await clearAllCaches(fake.platform);
    expect(fake.storage.session.snapshot()).toEqual({ token: 'keep-me' });
  });
});

describe('every write is checked against the stored connection (generation)', () => {
  it('a write for a connection no longer stored (forgotten) writes nothing, cache or last view', async () => {
    const { fake, owner, key } = await connected();
    await forgetConnection(fake.platform);
    await writeCache(fake.platform, owner, key('person', 'jo'), ['late'], 1);
    await writeLastView(fake.platform, owner, view(owner, 'jo'));
    expect(fake.storage.session.snapshot()).toEqual({});
  });

  it('a write for a replaced connection writes nothing; the new one writes', async () => {
    const { fake, owner, key } = await connected();
    const next = await saveConnection(fake.platform, {
      origin: 'https://s.example', token: 'token-number-two', identity: { name: 'Ann', username: 'ann' }, sessionOnly: false, now: 1,
    });
    expect(next.id).not.toBe(owner.key);
    await writeCache(fake.platform, owner, key('person', 'jo'), ['old token'], 1);
    await writeLastView(fake.platform, owner, view(owner, 'jo'));
    expect(fake.storage.session.snapshot()).toEqual({});

    const mine: CacheOwner = { key: next.id, private: false };
    await writeCache(fake.platform, mine, cacheKey(next.id, 'person', 'jo'), ['new token'], 1);
    await writeLastView(fake.platform, mine, view(mine, 'jo'));
    expect(fake.storage.session.snapshot()[LAST_VIEW_KEY]).toEqual(view(mine, 'jo'));
    expect(fake.storage.session.snapshot()[cacheKey(next.id, 'person', 'jo')]).toMatchObject({ value: ['new token'] });
  });

  it('a write already checked when Forget clears is cleared with the rest (writes and clears run in turn)', async () => {
    const { fake, owner, key } = await connected();
    const write = writeCache(fake.platform, owner, key('person', 'jo'), ['x'], 1);
    const last = writeLastView(fake.platform, owner, view(owner, 'jo'));
    await fake.storage.local.remove(CONNECTION_KEY);
    await Promise.all([write, last, clearAllCaches(fake.platform)]);
    expect(fake.storage.session.snapshot()).toEqual({});
  });
});

describe('a private (incognito) request', () => {
  it('reads nothing from the cache and writes nothing to it or to the last view', async () => {
    const { fake, owner, key } = await connected();
    const k = key('person', 'jo');
    await writeCache(fake.platform, owner, k, ['normal'], 1);
    await writeLastView(fake.platform, owner, view(owner, 'jo'));
    const before = fake.storage.session.snapshot();
    const incognito: CacheOwner = { ...owner, private: true };
    expect(await readCache(fake.platform, incognito, k, 1)).toBeNull();
    await writeCache(fake.platform, incognito, key('person', 'secret'), ['private'], 2);
    await writeLastView(fake.platform, incognito, view(incognito, 'secret'));
    expect(fake.storage.session.snapshot()).toEqual(before);
  });
});
