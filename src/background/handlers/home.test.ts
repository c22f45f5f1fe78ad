/**
 * The home-list requests (remember, pin, waiting) through the router against the demo server: what a page may send,
 * that no entity data crosses from it, and how the lists live and die with the connection.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOME_KEYS, PINNED_KEY, RECENT_KEY, type PinnedList, type RecentList, type WaitingList } from '../../shared/home.ts';
import type { Entity } from '../../shared/kinds.ts';
import type { DirectoryStatus } from '../../shared/directory.ts';
import type { LookupServerMessage } from '../../shared/protocol.ts';
import { writesSettled } from '../cache.ts';
import { homeWritesSettled } from '../home/store.ts';
import { handleOmniboxEnter, handleOmniboxInput, type Suggestion } from '../omnibox.ts';
import { runSearch } from '../search/run-search.ts';
import { useConnectedRig, type Rig } from '../test-support/harness.ts';

const connected = useConnectedRig();
let rig: Rig;
beforeEach(() => { rig = connected.current; });

const local = async <T>(key: string) => (await rig.fake.platform.storage.local.get(key))[key] as T | undefined;
const recent = async () => (await local<RecentList>(RECENT_KEY))?.items.map((i) => i.entity.id) ?? [];

/** A search as the popup's port runs it: its results become the last view. */
async function search(query: string): Promise<Entity[]> {
  const got: Entity[] = [];
  await runSearch(rig.deps, { type: 'search', id: 1, query, filter: 'all' }, new AbortController().signal, (m: LookupServerMessage) => {
    if (m.type === 'group') got.push(...m.items);
  });
  await writesSettled();
  return got;
}

async function everyListGone(): Promise<void> {
  await homeWritesSettled();
  for (const area of [rig.fake.platform.storage.local, rig.fake.platform.storage.session]) {
    const all = await area.get(null);
    for (const key of HOME_KEYS) expect(all[key], key).toBeUndefined();
  }
}

describe('what a page may send', () => {
  it.each([
    { type: 'remember', kind: 'issue' },
    { type: 'remember', kind: 'issue', id: '' },
    { type: 'remember', kind: 'widget', id: 'x' },
    { type: 'remember', kind: 'issue', id: 'x', private: 'yes' },
    { type: 'remember', kind: 'issue', id: 'x', entity: { kind: 'issue', id: 'x', title: 'planted' } },
    { type: 'remember', kind: 'issue', id: 'x'.repeat(201) },
    { type: 'pin', kind: 'issue', id: 'x' },
    { type: 'pin', kind: 'issue', id: 'x', pinned: 1 },
    { type: 'pin', kind: 'issue', id: 'x', pinned: true, title: 'planted' },
    { type: 'waiting', private: 0 },
    { type: 'waiting', projects: ['ABC'] },
  ])('refuses %j before any handler runs', async (message) => {
    rig.server.clearRequests();
    expect(await rig.ask(message)).toEqual({ ok: false, error: { code: 'bad-request' } });
    expect(rig.server.requests).toEqual([]);
    await everyListGone();
  });
});

describe('remember', () => {
  it('puts an item of the last search first in Recent, as the worker got it from Space', async () => {
    const found = await search('rate limiter answers');
    const issue = found.find((e) => e.kind === 'issue')!;
    expect(await rig.ask({ type: 'remember', kind: 'issue', id: issue.id })).toEqual({ ok: true, value: { remembered: true } });
    const list = await local<RecentList>(RECENT_KEY);
    expect(list?.items[0]?.entity).toEqual(issue);
    expect(list?.items[0]?.at).toBe(rig.deps.now());
  });

  it('stores nothing for an item the worker does not hold, or from a private window', async () => {
    await search('rate limiter answers');
    expect(await rig.ask({ type: 'remember', kind: 'issue', id: 'never-seen' })).toEqual({ ok: true, value: { remembered: false } });
    const issue = (await search('rate limiter answers')).find((e) => e.kind === 'issue')!;
    expect(await rig.ask({ type: 'remember', kind: 'project', id: issue.id })).toEqual({ ok: true, value: { remembered: false } });
    expect(await rig.ask({ type: 'remember', kind: 'issue', id: issue.id, private: true })).toEqual({ ok: true, value: { remembered: false } });
    await everyListGone();
  });

  it('finds a person the local directory holds, searched for nowhere yet', async () => {
    rig.fake.setManaged({});
    expect((await rig.ask({ type: 'directory-refresh' })).ok).toBe(true);
    for (let i = 0; i < 200; i++) {
      const status = await rig.ask<DirectoryStatus>({ type: 'directory-status' });
      if (status.ok && status.value.state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const person = rig.server.dataset.profiles.find((p) => p.username.startsWith('m') && !p.archived)!;
    expect(await rig.ask({ type: 'remember', kind: 'person', id: person.id })).toEqual({ ok: true, value: { remembered: true } });
    const entry = (await local<RecentList>(RECENT_KEY))?.items[0];
    expect(entry?.entity).toMatchObject({ kind: 'person', id: person.id, username: person.username });
  });

  it('finds an item of Waiting for you', async () => {
    const waiting = await rig.ask<WaitingList>({ type: 'waiting' });
    if (!waiting.ok) throw new Error('waiting failed');
    const review = waiting.value.items.find((i) => i.reason === 'your-turn')!.entity;
    // Nothing in the last view or the caches: only the Waiting list holds it.
    expect(await rig.ask({ type: 'remember', kind: 'review', id: review.id })).toEqual({ ok: true, value: { remembered: true } });
    expect(await recent()).toEqual([review.id]);
  });
});

describe('pin', () => {
  it('pins what the worker holds, unpins, and answers the list each time', async () => {
    const [a, b] = (await search('jo')) as [Entity, Entity];
    const one = await rig.ask<PinnedList>({ type: 'pin', kind: a.kind, id: a.id, pinned: true });
    const two = await rig.ask<PinnedList>({ type: 'pin', kind: b.kind, id: b.id, pinned: true });
    expect(one.ok && one.value.items.map((i) => i.entity)).toEqual([a]);
    expect(two.ok && two.value.items.map((i) => i.entity.id)).toEqual([a.id, b.id]);
    const off = await rig.ask<PinnedList>({ type: 'pin', kind: a.kind, id: a.id, pinned: false });
    expect(off.ok && off.value.items.map((i) => i.entity.id)).toEqual([b.id]);
    expect((await local<PinnedList>(PINNED_KEY))?.items.map((i) => i.entity.id)).toEqual([b.id]);
  });

  it('says why it cannot pin: an unknown item, a private window', async () => {
    expect(await rig.ask({ type: 'pin', kind: 'issue', id: 'never-seen', pinned: true }))
      .toEqual({ ok: false, error: { code: 'bad-request', reason: 'pin-unknown' } });
    expect(await rig.ask({ type: 'pin', kind: 'issue', id: 'never-seen', pinned: true, private: true }))
      .toEqual({ ok: false, error: { code: 'bad-request', reason: 'private-window' } });
    await everyListGone();
  });

  it('a pin whose card Space no longer finds says so, until the card answers again — no request of its own', async () => {
    const issue = (await search('rate limiter answers')).find((e) => e.kind === 'issue') as Entity & { key: string };
    await rig.ask({ type: 'pin', kind: 'issue', id: issue.id, pinned: true });
    rig.server.clearRequests();
    rig.server.setFault(`/projects/key:ABC/planning/issues/key:${issue.key}`, { status: 404, times: 1 });
    const missing = await rig.ask({ type: 'details', kind: 'issue', id: issue.key });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await local<PinnedList>(PINNED_KEY))?.items[0]).toMatchObject({ entity: issue, gone: true });
    expect(rig.server.requests).toHaveLength(1);

    const back = await rig.ask({ type: 'details', kind: 'issue', id: issue.key });
    expect(back.ok).toBe(true);
    expect((await local<PinnedList>(PINNED_KEY))?.items[0]?.gone).toBeUndefined();
    expect(rig.server.requests).toHaveLength(2);
  });
});

describe('the lists and the connection', () => {
  async function fillAll() {
    const issue = (await search('rate limiter answers')).find((e) => e.kind === 'issue')!;
    expect((await rig.ask({ type: 'remember', kind: 'issue', id: issue.id })).ok).toBe(true);
    expect((await rig.ask({ type: 'pin', kind: 'issue', id: issue.id, pinned: true })).ok).toBe(true);
    expect((await rig.ask({ type: 'waiting' })).ok).toBe(true);
    await homeWritesSettled();
    for (const key of HOME_KEYS) expect(await local(key), key).toBeDefined();
  }

  it('Forget clears all three', async () => {
    await fillAll();
    expect((await rig.ask({ type: 'forget', revoke: false })).ok).toBe(true);
    await everyListGone();
  });

  it('connecting (again, or elsewhere) clears all three', async () => {
    await fillAll();
    await rig.connect();
    await everyListGone();
  });

  it('a session-only connection keeps them off the disk', async () => {
    await rig.connect(rig.server.token, true);
    const issue = (await search('rate limiter answers')).find((e) => e.kind === 'issue')!;
    await rig.ask({ type: 'remember', kind: 'issue', id: issue.id });
    await rig.ask({ type: 'waiting' });
    await homeWritesSettled();
    for (const key of HOME_KEYS) expect(await local(key), key).toBeUndefined();
    const session = await rig.fake.platform.storage.session.get([RECENT_KEY]);
    expect((session[RECENT_KEY] as RecentList).items[0]?.entity.id).toBe(issue.id);
  });
});

describe('the address bar', () => {
  it('an entity opened from a suggestion goes first in Recent; not from a private window', async () => {
    const shown: Suggestion[][] = [];
    await handleOmniboxInput(rig.deps, 'jo', (s) => shown.push(s));
    const [first, second] = shown.at(-1) ?? [];
    await handleOmniboxEnter(rig.deps, first!.content, 'currentTab');
    const list = await local<RecentList>(RECENT_KEY);
    expect(list?.items.map((i) => i.entity.webUrl)).toEqual([first!.content]);

    rig.fake.focusedWindow.incognito = true;
    await handleOmniboxEnter(rig.deps, second!.content, 'currentTab');
    expect((await local<RecentList>(RECENT_KEY))?.items.map((i) => i.entity.webUrl)).toEqual([first!.content]);
  });
});
