import { describe, expect, it } from 'vitest';
import { LAST_VIEW_KEY } from '../shared/last-view.ts';
import { CACHE_INDEX_KEY, FRESH_MS, MAX_ENTRIES, STALE_MS, cacheKey, clearAllCaches, readCache, writeCache } from './cache.ts';
import { createFakeBrowser } from './test-support/fake-browser.ts';

describe('session cache', () => {
  it('is fresh, then stale, then gone', async () => {
    const fake = createFakeBrowser();
    const key = cacheKey('https://s.example#fp', 'person', 'jo');
    await writeCache(fake.platform, key, ['a'], 1_000);
    expect(await readCache(fake.platform, key, 1_000 + FRESH_MS)).toEqual({ value: ['a'], fresh: true });
    expect(await readCache(fake.platform, key, 1_000 + FRESH_MS + 1)).toEqual({ value: ['a'], fresh: false });
    expect(await readCache(fake.platform, key, 1_000 + STALE_MS + 1)).toBeNull();
  });

  it('treats an entry from the future (clock moved back) as stale', async () => {
    const fake = createFakeBrowser();
    const key = cacheKey('c', 'team', 'x');
    await writeCache(fake.platform, key, 1, 10_000);
    expect(await readCache(fake.platform, key, 5_000)).toEqual({ value: 1, fresh: false });
  });

  it('keeps at most MAX_ENTRIES, evicting the oldest, even with concurrent writes', async () => {
    const fake = createFakeBrowser();
    await Promise.all(Array.from({ length: MAX_ENTRIES + 20 }, (_, i) =>
      writeCache(fake.platform, cacheKey('c', 'person', `q${i}`), i, 1_000 + i)));
    const stored = fake.storage.session.snapshot();
    const entries = Object.keys(stored).filter((k) => k.startsWith('cache:'));
    expect(entries).toHaveLength(MAX_ENTRIES);
    expect(Object.keys(stored[CACHE_INDEX_KEY] as object)).toHaveLength(MAX_ENTRIES);
    expect(stored[cacheKey('c', 'person', 'q0')]).toBeUndefined();
    expect(stored[cacheKey('c', 'person', `q${MAX_ENTRIES + 19}`)]).toBeDefined();
  });

  it('writes a burst of kinds finishing together in one index update', async () => {
    const fake = createFakeBrowser();
    const session = fake.platform.storage.session;
    const set = session.set.bind(session);
    let sets = 0;
    session.set = (items) => { sets += 1; return set(items); };
    const keys = Array.from({ length: 7 }, (_, i) => cacheKey('c', 'person', `k${i}`));
    await Promise.all(keys.map((k, i) => writeCache(fake.platform, k, i, 5_000)));
    // One batch: the writes arrive before the first has touched storage (it starts a microtask later).
    expect(sets).toBe(1);
    for (const [i, k] of keys.entries()) expect(await readCache(fake.platform, k, 5_000)).toEqual({ value: i, fresh: true });
    expect(Object.keys(fake.storage.session.snapshot()[CACHE_INDEX_KEY] as object).sort()).toEqual([...keys].sort());
  });

  it('drops expired entries on the next write', async () => {
    const fake = createFakeBrowser();
    await writeCache(fake.platform, cacheKey('c', 'person', 'old'), 1, 0);
    await writeCache(fake.platform, cacheKey('c', 'person', 'new'), 2, STALE_MS + 1);
    expect(fake.storage.session.snapshot()[cacheKey('c', 'person', 'old')]).toBeUndefined();
  });

  it('clearAllCaches removes entries (orphans too), the index and the last view, and nothing else', async () => {
    const fake = createFakeBrowser();
    await writeCache(fake.platform, cacheKey('c', 'person', 'jo'), 1, 0);
    await fake.storage.session.set({ 'cache:orphan': { value: 1, storedAt: 0 }, [LAST_VIEW_KEY]: { query: 'jo' }, token: 'keep-me' });
    await clearAllCaches(fake.platform);
    expect(fake.storage.session.snapshot()).toEqual({ token: 'keep-me' });
  });
});
