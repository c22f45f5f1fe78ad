import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../../kinds/test-support/fixtures.ts';
import { createFakeBrowser } from '../../shared/test-support/fake-browser.ts';
import { SCHEMA_VERSION, SESSION_KEY, idbStore, sessionStore, validCopy, type StoredDirectory } from './store.ts';

const person = fixtureOf('person', (n) => `p${n}`);
const team = fixtureOf('team', (n) => `t${n}`);
const copyOf = (connection: string, syncedAt = 1): StoredDirectory => ({
  v: SCHEMA_VERSION, connection, syncedAt, kinds: { person: [person], team: [team] }, bytes: 123,
});

describe('idbStore (IndexedDB)', () => {
  it('reads back what it wrote, for that connection only', async () => {
    const store = idbStore(new IDBFactory());
    expect(await store.read('c1')).toBeNull();
    await store.write(copyOf('c1'));
    expect(await store.read('c1')).toEqual(copyOf('c1'));
    expect(await store.read('c2')).toBeNull();
  });

  it('a write replaces every copy at once; clear removes them', async () => {
    const factory = new IDBFactory();
    const store = idbStore(factory);
    await store.write(copyOf('c1'));
    await store.write(copyOf('c2', 2));
    expect(await store.read('c1')).toBeNull();
    expect(await store.read('c2')).toMatchObject({ syncedAt: 2 });
    await store.clear();
    expect(await idbStore(factory).read('c2')).toBeNull();
  });

  it('a record of another schema version reads as none (rebuilt by the next sync)', async () => {
    const factory = new IDBFactory();
    const store = idbStore(factory);
    await store.write({ ...copyOf('c1'), v: SCHEMA_VERSION + 1 });
    expect(await store.read('c1')).toBeNull();
  });

  it('a database it cannot open (a newer version after a downgrade) fails the read, and clear deletes it', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const open = factory.open('directory', 7);
      open.onupgradeneeded = () => open.result.createObjectStore('other');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const store = idbStore(factory);
    await expect(store.read('c1')).rejects.toBeDefined();
    await store.clear();
    await store.write(copyOf('c1'));
    expect(await store.read('c1')).toEqual(copyOf('c1'));
  });
});

describe('sessionStore (storage.session)', () => {
  it('round trip, connection check, clear', async () => {
    const fake = createFakeBrowser();
    const store = sessionStore(fake.platform);
    await store.write(copyOf('c1'));
    expect(await store.read('c1')).toEqual(copyOf('c1'));
    expect(await store.read('c2')).toBeNull();
    await store.clear();
    expect(await fake.platform.storage.session.get(SESSION_KEY)).toEqual({});
  });
});

describe('validCopy', () => {
  it('keeps only rows of their own kind with an id, title and link', () => {
    const mixed = { ...copyOf('c1'), kinds: { person: [person, team, null, { ...person, id: 5 }, 'x'], team: 'nope', channel: [] } };
    expect(validCopy(mixed, 'c1')).toEqual({ ...copyOf('c1'), kinds: { person: [person], channel: [] } });
  });

  it('never throws, whatever is stored (property)', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const copy = validCopy(value, 'c1');
      if (copy !== null) expect(copy.v).toBe(SCHEMA_VERSION);
    }));
    fc.assert(fc.property(fc.record({ v: fc.constant(SCHEMA_VERSION), connection: fc.constant('c1'), syncedAt: fc.double(), kinds: fc.dictionary(fc.string(), fc.anything()), bytes: fc.anything() }), (value) => {
      expect(validCopy(value, 'c1')).not.toBeNull();
    }));
  });
});
