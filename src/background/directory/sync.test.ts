import { describe, expect, it } from 'vitest';
import { useDemoServer } from '../../../scripts/demo-space/use-demo-server.ts';
import { DIRECTORY_KINDS, type DirectoryProgress } from '../../shared/directory.ts';
import type { Entity } from '../../shared/kinds.ts';
import type { SpaceApi } from '../../space/api.ts';
import { apiRequestsTo, demoSpaceClient } from '../../space/test-support/demo-client.ts';
import { syncAll, TOPS, type SyncOptions } from './sync.ts';

const demo = useDemoServer();

function options(over: Partial<SyncOptions> = {}): SyncOptions & { progress: DirectoryProgress[] } {
  const progress: DirectoryProgress[] = [];
  return { signal: new AbortController().signal, between: () => Promise.resolve(), onProgress: (p) => progress.push(p), progress, ...over };
}

const ids = (items: Entity[] | null) => (items ?? []).map((e) => e.id);
const people = '/team-directory/profiles';

describe('syncAll', () => {
  it('lists every item of the six kinds through their search rows, one page at the first $top when it holds them all', async () => {
    const api = demoSpaceClient(demo.current);
    const synced = await syncAll(api, options());
    for (const kind of DIRECTORY_KINDS) {
      expect(synced[kind]?.length, kind).toBeGreaterThan(0);
      expect(synced[kind]!.every((e) => e.kind === kind)).toBe(true);
    }
    expect(synced.unreadable).toBe(0);
    const asked = apiRequestsTo(demo.current, people);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query.$top).toEqual([String(TOPS[0])]);
    // The profile search's own rows: what a search for the same person shows.
    const alex = synced.person!.find((p) => p.kind === 'person' && p.username === 'alex.demo');
    expect(alex).toMatchObject({ kind: 'person', username: 'alex.demo', webUrl: `${demo.current.url}/m/alex.demo` });
  });

  it('follows next page by page ($skip), to the same items in the same order, and reports its progress', async () => {
    const api = demoSpaceClient(demo.current);
    const whole = await syncAll(api, options());
    demo.current.clearRequests();
    const paged = options({ tops: [7, 3] });
    const synced = await syncAll(api, paged);
    for (const kind of DIRECTORY_KINDS) expect(ids(synced[kind]), kind).toEqual(ids(whole[kind]));
    const asked = apiRequestsTo(demo.current, people);
    expect(asked.length).toBe(Math.ceil(whole.person!.length / 7));
    expect(asked.slice(1).map((r) => r.query.$skip?.[0])).toEqual(asked.slice(1).map((_, i) => String(7 * (i + 1))));
    const last = paged.progress.filter((p) => p.kind === 'person').at(-1)!;
    expect(last).toEqual({ kind: 'person', fetched: whole.person!.length, total: whole.person!.length, kindsDone: 0 });
    expect(paged.progress.at(-1)!.kindsDone).toBe(DIRECTORY_KINDS.length - 1);
    // Once Space has said how many, the progress never falls back to "unknown" while the next page loads.
    const totals = paged.progress.filter((p) => p.kind === 'person').map((p) => p.total);
    expect(totals[0]).toBeNull();
    expect(totals.slice(1).every((t) => t === whole.person!.length)).toBe(true);
  });

  it('yields between two pages', async () => {
    let yields = 0;
    await syncAll(demoSpaceClient(demo.current), options({ tops: [10, 5], between: () => Promise.resolve(void (yields += 1)) }));
    expect(yields).toBeGreaterThan(5);
  });

  it('steps $top down when Space refuses it (400) or its answer is over the 2 MiB cap', async () => {
    const api = demoSpaceClient(demo.current);
    demo.current.setFault(people, { status: 400, times: 1 });
    demo.current.setFault('/team-directory/teams', { oversizedBytes: 3 * 1024 * 1024, times: 1 });
    const synced = await syncAll(api, options());
    expect(synced.person!.length).toBeGreaterThan(0);
    expect(apiRequestsTo(demo.current, people).map((r) => r.query.$top?.[0])).toEqual(['1000', ...Array<string>(Math.ceil(synced.person!.length / 100)).fill('100')]);
    expect(apiRequestsTo(demo.current, '/team-directory/teams').map((r) => r.query.$top?.[0])).toEqual(['1000', '100']);
  });

  it('fails whole on a malformed, over-cap or failing page: nothing half is returned', async () => {
    const api = demoSpaceClient(demo.current, { retry: { retries: 0 } });
    demo.current.setFault('/team-directory/teams', { malformed: true });
    await expect(syncAll(api, options())).rejects.toMatchObject({ code: 'bad-response' });
    demo.current.clearFaults();
    demo.current.setFault(people, { oversizedBytes: 3 * 1024 * 1024 });
    await expect(syncAll(api, options())).rejects.toMatchObject({ code: 'bad-response', reason: 'too-large' });
    demo.current.clearFaults();
    demo.current.setFault('/chats/channels/all-channels', { status: 503 });
    await expect(syncAll(api, options())).rejects.toMatchObject({ code: 'server' });
    demo.current.clearFaults();
    demo.current.setFault('/projects', { drop: true });
    await expect(syncAll(api, options())).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('a next that does not move is a malformed answer, not an endless loop', async () => {
    const real = demoSpaceClient(demo.current);
    // Space's real answer, with `next` pinned to the page it came from.
    const stuck: SpaceApi = { ...real, get: (req, call) => real.get({ ...req, map: (json, origin) => req.map(pinNext(json), origin) }, call) };
    await expect(syncAll(stuck, options({ tops: [5, 5] }))).rejects.toMatchObject({ code: 'bad-response', reason: 'paging' });
  });

  it('stops when cancelled (the worker stopping, Forget)', async () => {
    const controller = new AbortController();
    demo.current.setLatency(200);
    try {
      const pending = syncAll(demoSpaceClient(demo.current), options({ signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      demo.current.setLatency(0);
    }
  });

  it('a kind the token may not list is left out (to server search), the others are synced', async () => {
    demo.current.setFault('/chats/channels/all-channels', { status: 403, permission: 'Channel.ViewChannel' });
    demo.current.setFault('/projects/repositories/find', { status: 404 });
    const synced = await syncAll(demoSpaceClient(demo.current), options());
    expect(synced.channel).toBeNull();
    expect(synced.repository).toBeNull();
    expect(synced.person!.length).toBeGreaterThan(0);
  });

  it('an item that cannot be read is counted and left out; a profile Space withholds ($errors) is an anonymous row', async () => {
    demo.current.setFault('/team-directory/teams', { unreadableFirst: true });
    const real = demoSpaceClient(demo.current);
    const withheld: SpaceApi = { ...real, get: (req, call) => real.get({ ...req, map: (json, origin) => req.map(withholdFirstProfile(json), origin) }, call) };
    const whole = await syncAll(real, options());
    demo.current.clearRequests();
    const synced = await syncAll(withheld, options());
    // The team Space sent without its fields; the withheld profile is a row, not unreadable.
    expect(synced.unreadable).toBe(1);
    expect(whole.unreadable).toBe(1);
    expect(synced.team!.length).toBe(whole.team!.length);
    expect(synced.person!.length).toBe(whole.person!.length);
    const anonymous = synced.person!.find((p) => p.hidden?.includes('username'));
    expect(anonymous).toMatchObject({ kind: 'person', username: '', hidden: expect.arrayContaining(['firstName', 'lastName', 'username']) });
  });
});

function pinNext(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('next' in json)) return json;
  // Every page says the next one starts at 5: the second page's `next` is the `$skip` it was asked with.
  return { ...json, next: '5' };
}

/** The first profile of a page as a token that may not read it gets it: its id, the rest in `$errors`. */
function withholdFirstProfile(json: unknown): unknown {
  const batch = json as { data?: { id?: string; username?: string }[] };
  if (!Array.isArray(batch.data) || batch.data[0]?.username === undefined) return json;
  const [first, ...rest] = batch.data;
  return {
    ...batch,
    data: [{ id: first!.id, $errors: [{ className: 'HA_InlineError.InaccessibleFields', fields: ['username', 'name'], message: '…' }] }, ...rest],
  };
}
