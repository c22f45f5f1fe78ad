/**
 * The local directory through the worker's own entry points — connect, the lookup port, the omnibox, Options'
 * requests, Forget, the managed setting — against the demo server over HTTP (createRig with `directory: true`).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryStatus } from '../../shared/directory.ts';
import { LOOKUP_PORT, LOOKUP_PORT_PRIVATE, type DoneMessage, type FailMessage, type GroupMessage, type LookupServerMessage } from '../../shared/protocol.ts';
import type { EntityKind, Filter } from '../../shared/kinds.ts';
import { createPortPair, type FakePortEnd } from '../../shared/test-support/fake-ports.ts';
import { handleOmniboxInput, type Suggestion } from '../omnibox.ts';
import { SERVER_DEBOUNCE_MS } from '../search/engine.ts';
import { acceptLookupPort } from '../search/port.ts';
import { createRig, type Rig } from '../test-support/harness.ts';
import { REFRESH_MS, SERVER_AFTER_MS, forgetDirectoryMemory } from './directory.ts';
import { SESSION_KEY } from './store.ts';

const DIRECTORY_PATHS = ['/team-directory/profiles', '/team-directory/teams', '/team-directory/locations', '/projects', '/projects/repositories/find', '/chats/channels/all-channels'];

let rig: Rig;
beforeEach(async () => {
  forgetDirectoryMemory();
  rig = await createRig({ directory: true });
});
afterEach(async () => {
  forgetDirectoryMemory();
  vi.unstubAllGlobals();
  await rig.close();
});

async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function status(): Promise<DirectoryStatus> {
  const answer = await rig.ask<DirectoryStatus>({ type: 'directory-status' });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value;
}

const ready = () => until(async () => {
  const s = await status();
  return s.state === 'ready' || s.state === 'error' ? s : undefined;
});

function openPort(name = LOOKUP_PORT): FakePortEnd {
  const { client, server } = createPortPair(name, rig.fake.popupSender());
  acceptLookupPort(server, rig.deps);
  return client;
}

async function search(port: FakePortEnd, id: number, query: string, filter: Filter = 'all', typing = false) {
  const sent = Date.now();
  port.postMessage({ type: 'search', id, query, filter, ...(typing ? { typing } : {}) });
  const mine = () => (port.received as LookupServerMessage[]).filter((m) => m.id === id);
  const end = await until(() => mine().find((m) => m.type === 'done' || m.type === 'fail'));
  const groups = mine().filter((m): m is GroupMessage => m.type === 'group');
  return { sent, end: end as DoneMessage | FailMessage, all: mine(), groups, group: (k: EntityKind) => groups.filter((g) => g.kind === k) };
}

/** Requests of a sync: the listings at the sync's `$top` (locations: the one unfiltered list), not searches. */
const directoryRequests = () => rig.server.requests.filter((r) => {
  const path = r.path.replace('/api/http', '');
  if (!DIRECTORY_PATHS.includes(path)) return false;
  return path === '/team-directory/locations' ? r.query.query?.[0] === '' : r.query.$top?.[0] === '1000' || r.query.$top?.[0] === '100';
});
/** Every copy in the directory's IndexedDB database (the fake one the test stubbed in). */
const copiesOnDisk = () => new Promise<unknown[]>((resolve) => {
  const open = indexedDB.open('directory', 1);
  open.onsuccess = () => {
    const get = open.result.transaction('copies').objectStore('copies').getAll();
    get.onsuccess = () => resolve(get.result);
  };
});
const titles = (g: GroupMessage | undefined) => (g?.items ?? []).map((e) => e.title);

describe('sync', () => {
  it('runs on connect: every kind counted, its size and age known, kept in storage.session without IndexedDB', async () => {
    await rig.connect();
    const s = await ready();
    expect(s).toMatchObject({ enabled: true, offByPolicy: false, state: 'ready', syncedAt: rig.deps.now(), storage: 'session' });
    for (const count of Object.values(s.counts)) expect(count).toBeGreaterThan(0);
    expect(s.bytes).toBeGreaterThan(1000);
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toMatchObject({ connection: expect.any(String), syncedAt: rig.deps.now() });
  });

  it('on disk in IndexedDB when the browser has it, nothing of it in storage.session; a session-only connection never on disk', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    await rig.connect();
    expect(await ready()).toMatchObject({ state: 'ready', storage: 'disk' });
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toBeUndefined();
    forgetDirectoryMemory();
    // A new worker reads it back from the disk: no sync, the search answers from it.
    rig.server.clearRequests();
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
    expect(directoryRequests()).toHaveLength(0);

    await rig.connect(rig.server.token, true);
    expect(await ready()).toMatchObject({ state: 'ready', storage: 'session' });
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toBeDefined();
    forgetDirectoryMemory();
    expect(await copiesOnDisk()).toEqual([]);
  });

  it('a connection the policy makes session-only keeps its next copy in storage.session and none on disk', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    await rig.connect();
    await ready();
    rig.fake.setManaged({ forceSessionOnly: true });
    await rig.ask({ type: 'status' });
    rig.advance(REFRESH_MS);
    await search(openPort(), 1, 'alex', 'person');
    await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
    expect(await status()).toMatchObject({ storage: 'session' });
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toMatchObject({ syncedAt: rig.deps.now() });
    expect(await copiesOnDisk()).toEqual([]);
  });

  it('a copy of another schema version (an older extension) or an unreadable one is rebuilt, never used', async () => {
    await rig.connect();
    const synced = await ready();
    for (const stored of [{ ...(rig.fake.storage.session.snapshot()[SESSION_KEY] as object), v: 0 }, 'garbage', { v: 1, kinds: null }]) {
      await rig.fake.platform.storage.session.set({ [SESSION_KEY]: stored });
      forgetDirectoryMemory();
      rig.advance(1000);
      expect(await status()).toMatchObject({ state: 'empty', syncedAt: null });
      const r = await search(openPort(), 1, 'alex', 'person');
      expect(titles(r.group('person')[0])).toContain('Alex Demo');
      await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
      expect((await status()).counts).toEqual(synced.counts);
    }
  });

  it('a malformed, truncated or failing sync keeps the copy in use and says why', async () => {
    await rig.connect();
    const before = await ready();
    rig.server.setFault('/team-directory/teams', { malformed: true });
    rig.advance(1000);
    expect(await rig.ask({ type: 'directory-refresh' })).toMatchObject({ ok: true, value: { state: 'syncing', syncedAt: before.syncedAt } });
    const after = await until(async () => {
      const s = await status();
      return s.state === 'error' ? s : undefined;
    });
    expect(after).toMatchObject({ state: 'error', error: { code: 'bad-response' }, counts: before.counts, syncedAt: before.syncedAt });
    rig.server.clearFaults();
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
  });

  it('an interrupted sync (server gone mid-way, worker stopped) leaves the previous copy whole, and the next one starts over', async () => {
    await rig.connect();
    const before = await ready();
    rig.server.setFault('/team-directory/locations', { drop: true });
    rig.advance(REFRESH_MS);
    await rig.ask({ type: 'directory-refresh' });
    await until(async () => ((await status()).state === 'error' ? true : undefined));
    expect((await status()).counts).toEqual(before.counts);
    // The worker stops during the next sync: the stored copy is the old one, whole.
    rig.server.clearFaults();
    rig.server.setLatency(300);
    await rig.ask({ type: 'directory-refresh' });
    forgetDirectoryMemory();
    rig.server.setLatency(0);
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toMatchObject({ syncedAt: before.syncedAt });
    rig.server.clearRequests();
    expect(await status()).toMatchObject({ state: 'ready', syncedAt: before.syncedAt, counts: before.counts });
    // Used again, it is old: a full sync from the first page.
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
    await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
    expect(directoryRequests().filter((q) => q.path.endsWith('/profiles'))[0]?.query.$skip).toBeUndefined();
  });

  it('a sync asks one page at a time, and a search during it answers from the copy in use without waiting for it', async () => {
    await rig.connect();
    const before = await ready();
    rig.server.setLatency(100);
    try {
      rig.advance(1000);
      rig.server.clearRequests();
      await rig.ask({ type: 'directory-refresh' });
      const r = await search(openPort(), 1, 'alex');
      expect(titles(r.group('person')[0])).toContain('Alex Demo');
      // Done with Space's answers for the other kinds (one round trip after the debounce), while the sync goes on.
      expect(Date.now() - r.sent).toBeLessThan(SERVER_DEBOUNCE_MS + 100 + 600);
      expect((await status()).state).toBe('syncing');
      await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
      const pages = directoryRequests();
      expect(pages.length).toBeGreaterThanOrEqual(6);
      for (let i = 1; i < pages.length; i++) expect(pages[i]!.at).toBeGreaterThanOrEqual(pages[i - 1]!.answeredAt);
      expect((await status()).counts).toEqual(before.counts);
    } finally {
      rig.server.setLatency(0);
    }
  });

  it('a renamed person is found under the new name after a refresh; a deleted one is gone', async () => {
    await rig.connect();
    await ready();
    const port = openPort();
    expect(titles((await search(port, 1, 'alex', 'person')).group('person')[0])).toContain('Alex Demo');
    const someone = (await search(port, 2, 'a', 'person')).group('person')[0]!.items.find((p) => p.kind === 'person' && p.username !== 'alex.demo')!;
    const username = someone.kind === 'person' ? someone.username : '';
    rig.server.renamePerson('alex.demo', { firstName: 'Alexandra', lastName: 'Quartz' });
    rig.server.deletePerson(username);
    rig.advance(1000);
    await rig.ask({ type: 'directory-refresh' });
    await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
    expect(titles((await search(port, 3, 'quartz', 'person')).group('person')[0])).toEqual(['Alexandra Quartz']);
    const again = await search(port, 4, someone.title, 'person');
    expect(again.group('person')[0]!.items.map((p) => p.id)).not.toContain(someone.id);
  });
});

describe('search from the copy', () => {
  beforeEach(async () => {
    await rig.connect();
    await ready();
    rig.server.clearRequests();
  });

  it('paints the directory groups first, at once, and asks Space only for the other kinds, after the debounce', async () => {
    rig.server.setLatency(50);
    const port = openPort();
    const r = await search(port, 1, 'a', 'all', true);
    const kinds = r.groups.map((g) => g.kind);
    expect(kinds.slice(0, 6)).toEqual(['person', 'team', 'location', 'project', 'repository', 'channel']);
    expect(r.groups.slice(0, 6).every((g) => g.state === 'ok' && !g.cached)).toBe(true);
    expect(directoryRequests()).toHaveLength(0);
    const asked = rig.server.requests.map((q) => q.at);
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.min(...asked) - r.sent).toBeGreaterThanOrEqual(SERVER_DEBOUNCE_MS - 5);
    expect(new Set(r.groups.map((g) => g.kind)).size).toBe(r.groups.length);
  });

  it('a query given whole (not a keystroke: the popup opened on it, a chip, Retry) asks Space at once', async () => {
    rig.server.setLatency(50);
    const r = await search(openPort(), 1, 'a');
    const asked = rig.server.requests.map((q) => q.at);
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.min(...asked) - r.sent).toBeLessThan(SERVER_DEBOUNCE_MS - 50);
  });

  it('every keystroke is answered from the copy; only the last one asks Space', async () => {
    const port = openPort();
    const painted = (id: number) => until(() => (port.received as LookupServerMessage[]).find((m) => m.id === id && m.type === 'group' && m.kind === 'person'));
    // Typed faster than the debounce: each keystroke's people are painted before the next one is sent.
    port.postMessage({ type: 'search', id: 1, query: 'a', filter: 'all', typing: true });
    await painted(1);
    port.postMessage({ type: 'search', id: 2, query: 'al', filter: 'all', typing: true });
    await painted(2);
    const r = await search(port, 3, 'ale', 'all', true);
    const early = (port.received as LookupServerMessage[]).filter((m) => m.id === 1 || m.id === 2);
    // The older searches painted their people before being cancelled, and asked Space nothing.
    expect(early.filter((m) => m.type === 'group' && m.kind === 'person')).toHaveLength(2);
    expect(early.some((m) => m.type === 'done')).toBe(false);
    expect(rig.server.requests.filter((q) => q.path.endsWith('/blog'))).toHaveLength(1);
    expect(rig.server.requests.find((q) => q.path.endsWith('/blog'))?.query.term).toEqual(['ale']);
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
  });

  it('a project key typed in capitals names that project first', async () => {
    const r = await search(openPort(), 1, 'ABC', 'project');
    expect(r.group('project')[0]?.items[0]).toMatchObject({ kind: 'project', key: 'ABC' });
    expect(rig.server.requests).toHaveLength(0);
  });

  it('an old copy paints at once, Space adds what it has after it (no row moves), and a refresh starts in the background', async () => {
    rig.advance(SERVER_AFTER_MS);
    const r = await search(openPort(), 1, 'a', 'person');
    const [local, fresh] = r.group('person');
    expect(local).toBeDefined();
    expect(fresh).toBeDefined();
    const localIds = local!.items.map((e) => e.id);
    expect(fresh!.items.map((e) => e.id).slice(0, localIds.length)).toEqual(localIds);
    expect(rig.server.requests.filter((q) => q.path.endsWith('/team-directory/profiles') && q.query.query?.[0] === 'a')).toHaveLength(1);
    await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
  });

  it('a copy older than the refresh threshold is refreshed when used, without asking Space for the search itself', async () => {
    rig.advance(REFRESH_MS);
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(r.group('person')).toHaveLength(1);
    await until(async () => ((await status()).syncedAt === rig.deps.now() ? true : undefined));
    expect(rig.server.requests.filter((q) => q.path.endsWith('/team-directory/profiles') && q.query.query !== undefined)).toHaveLength(0);
  });

  it('a private window reads the copy but never starts a sync', async () => {
    rig.advance(REFRESH_MS);
    const r = await search(openPort(LOOKUP_PORT_PRIVATE), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(directoryRequests()).toHaveLength(0);
    expect((await status()).syncedAt).toBe(rig.deps.now() - REFRESH_MS);
  });

  it('the omnibox suggests from the copy, with no request', async () => {
    const suggestions = await new Promise<Suggestion[]>((resolve) => void handleOmniboxInput(rig.deps, 'alex', resolve));
    expect(suggestions[0]?.content).toBe(`${rig.server.url}/m/alex.demo`);
    expect(rig.server.requests).toHaveLength(0);
  });
});

describe('when the copy cannot answer, Space does, as before', () => {
  it('a kind Space would not list (403) is searched on Space; the others come from the copy', async () => {
    rig.server.setFault('/chats/channels/all-channels', { status: 403, permission: 'Channel.ViewChannel', times: 1 });
    await rig.connect();
    expect((await ready()).counts.channel).toBe(0);
    rig.server.clearRequests();
    const r = await search(openPort(), 1, 'a');
    expect(r.group('channel')[0]?.state).toBe('ok');
    expect(rig.server.requests.filter((q) => q.path.endsWith('/all-channels')).map((q) => q.query.query?.[0])).toEqual(['a']);
    expect(rig.server.requests.filter((q) => q.path.endsWith('/team-directory/profiles'))).toEqual([]);
  });

  it('no copy yet (its sync failed): every kind asks Space, and the failed sync waits before trying again', async () => {
    rig.server.setFault('/team-directory/teams', { status: 503, times: 1 });
    await rig.connect();
    expect(await ready()).toMatchObject({ state: 'error', error: { code: 'server' }, syncedAt: null });
    rig.server.clearRequests();
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
    expect(rig.server.requests.map((q) => [q.path, q.query.query?.[0]])).toEqual([['/api/http/team-directory/profiles', 'alex']]);
  });
});

describe('clearing and the policy', () => {
  it('Forget removes the copy, in memory and stored', async () => {
    await rig.connect();
    await ready();
    expect(await rig.ask({ type: 'forget', revoke: false })).toMatchObject({ ok: true });
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toBeUndefined();
    expect(await status()).toMatchObject({ enabled: false, state: 'empty', syncedAt: null });
  });

  it('a new connection starts from an empty directory of its own', async () => {
    await rig.connect();
    const first = await ready();
    rig.advance(1000);
    await rig.connect();
    const second = await ready();
    expect(second.syncedAt).toBe(first.syncedAt! + 1000);
    expect((rig.fake.storage.session.snapshot()[SESSION_KEY] as { connection: string }).connection).not.toBe(undefined);
  });

  it('localDirectory false: the copy is deleted, nothing is synced, searches ask Space as before', async () => {
    await rig.connect();
    await ready();
    rig.fake.setManaged({ localDirectory: false });
    expect(await status()).toMatchObject({ enabled: false, offByPolicy: true, state: 'empty' });
    expect(rig.fake.storage.session.snapshot()[SESSION_KEY]).toBeUndefined();
    rig.server.clearRequests();
    rig.advance(REFRESH_MS);
    const r = await search(openPort(), 1, 'alex', 'person');
    expect(titles(r.group('person')[0])).toContain('Alex Demo');
    expect(rig.server.requests.map((q) => q.path)).toEqual(['/api/http/team-directory/profiles']);
    expect(rig.server.requests[0]?.query.query).toEqual(['alex']);
    expect(await rig.ask({ type: 'directory-refresh' })).toMatchObject({ ok: true, value: { offByPolicy: true } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(directoryRequests().filter((q) => q.query.query?.[0] !== 'alex')).toHaveLength(0);
  });

  it('not connected: off, empty', async () => {
    expect(await status()).toMatchObject({ enabled: false, offByPolicy: false, state: 'empty', storage: 'none' });
  });
});
