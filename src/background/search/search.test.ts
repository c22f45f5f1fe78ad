import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LastView } from '../../shared/last-view.ts';
import { ALL_KINDS } from '../../shared/kinds.ts';
import { LOOKUP_PORT, type DoneMessage, type FailMessage, type GroupMessage, type LookupServerMessage } from '../../shared/protocol.ts';
import { type EntityKind, type Filter } from '../../shared/kinds.ts';
import { createSpaceClient } from '../../space/client.ts';
import { SpaceError } from '../../space/errors.ts';
import { FRESH_MS } from '../cache.ts';
import { CONNECTION_KEY, LAST_VIEW_KEY } from '../../shared/storage-keys.ts';
import { SETTINGS_KEY } from '../settings-store.ts';
import { createPortPair, type FakePortEnd } from '../../shared/test-support/fake-ports.ts';
import { createRig, type Rig } from '../test-support/harness.ts';
import { acceptLookupPort } from './port.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await createRig();
});
afterEach(async () => {
  await rig.close();
});

function openPort(sender: unknown = rig.fake.popupSender(), name = LOOKUP_PORT): FakePortEnd {
  const { client, server } = createPortPair(name, sender);
  acceptLookupPort(server, rig.deps);
  return client;
}

function messagesFor(port: FakePortEnd, id: number): LookupServerMessage[] {
  return (port.received as LookupServerMessage[]).filter((m) => m.id === id);
}

async function until<T>(check: () => T | undefined, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Sends a search and waits for its `done` or `fail`; returns everything posted for it. */
async function search(port: FakePortEnd, id: number, query: string, filter: Filter = 'all') {
  port.postMessage({ type: 'search', id, query, filter });
  const end = await until(() => messagesFor(port, id).find((m) => m.type === 'done' || m.type === 'fail'));
  const all = messagesFor(port, id);
  const groups = all.filter((m): m is GroupMessage => m.type === 'group');
  return { end: end as DoneMessage | FailMessage, all, groups, group: (k: EntityKind) => groups.filter((g) => g.kind === k) };
}

function apiPaths(): string[] {
  return rig.server.requests.map((r) => r.path.replace('/api/http', ''));
}

describe('lookup port', () => {
  beforeEach(async () => {
    await rig.connect();
    rig.server.clearRequests();
  });

  it('fans out to every kind, posts each group, then done, and remembers the view', async () => {
    const port = openPort();
    const r = await search(port, 1, 'jo');
    expect(r.end).toEqual({ type: 'done', id: 1 });
    expect(new Set(r.groups.map((g) => g.kind))).toEqual(new Set(ALL_KINDS));
    expect(r.all.at(-1)?.type).toBe('done');
    const people = r.group('person')[0];
    expect(people).toMatchObject({ state: 'ok', cached: false });
    expect(people?.items.length).toBeGreaterThan(0);
    expect(people?.items.length).toBeLessThanOrEqual(6);
    expect(people?.items.every((p) => p.kind === 'person' && p.webUrl.startsWith(rig.server.url))).toBe(true);

    const view = rig.fake.storage.session.snapshot()[LAST_VIEW_KEY] as LastView;
    expect(view).toMatchObject({ query: 'jo', filter: 'all' });
    expect(view.connection).toBe((rig.fake.storage.local.snapshot()[CONNECTION_KEY] as { id: string }).id);
    expect(view.groups.person).toEqual(people?.items);
  });

  it('an issue key resolves to that one issue, in a project outside the default scope too', async () => {
    const port = openPort();
    const r = await search(port, 1, 'abc-t-131');
    expect(r.groups.map((g) => g.kind)).toEqual(['issue']);
    expect(r.end).toMatchObject({ type: 'done', exact: { kind: 'issue', key: 'ABC-T-131' } });
    expect(apiPaths()).toHaveLength(1);
  });

  it('a review key resolves to that review', async () => {
    const r = await search(openPort(), 1, 'ABC-MR-29');
    expect(r.end).toMatchObject({ exact: { kind: 'review', key: 'ABC-MR-29' } });
  });

  it('a key that names nothing is an empty issue group, not an error, and done says the issue is missing', async () => {
    const r = await search(openPort(), 1, 'ABC-T-99999');
    expect(r.group('issue')).toMatchObject([{ state: 'ok', items: [] }]);
    expect(r.end).toEqual({ type: 'done', id: 1, missing: { kind: 'issue', key: 'ABC-T-99999' } });
  });

  it('a review key that names nothing says the review is missing', async () => {
    const r = await search(openPort(), 1, 'abc-mr-99999');
    expect(r.end).toEqual({ type: 'done', id: 1, missing: { kind: 'review', key: 'ABC-MR-99999' } });
  });

  it('a key no item can have (number 0) is missing without asking for it; only its project is checked', async () => {
    const r = await search(openPort(), 1, 'ABC-MR-0');
    expect(r.all).toEqual([{ type: 'done', id: 1, missing: { kind: 'review', key: 'ABC-MR-0' } }]);
    expect(apiPaths()).toEqual(['/projects/key:ABC']);
    const nope = await search(openPort(), 2, 'NOPE-T-0');
    expect(nope.end).toEqual({ type: 'done', id: 2, missing: { kind: 'project', key: 'NOPE' } });
  });

  it('a key of a project that does not exist says the project is missing; a repeat asks Space nothing', async () => {
    const port = openPort();
    const r = await search(port, 1, 'NOPE-T-1');
    expect(r.end).toEqual({ type: 'done', id: 1, missing: { kind: 'project', key: 'NOPE' } });
    rig.server.clearRequests();
    const again = await search(port, 2, 'NOPE-T-1');
    expect(again.end).toEqual({ type: 'done', id: 2, missing: { kind: 'project', key: 'NOPE' } });
    expect(rig.server.requests).toEqual([]);
  });

  it('a found key asks nothing more than the key itself', async () => {
    const r = await search(openPort(), 1, 'ABC-T-131');
    expect(r.end).not.toHaveProperty('missing');
    expect(apiPaths()).toHaveLength(1);
  });

  it('@name searches people only', async () => {
    const r = await search(openPort(), 1, '@jo');
    expect(r.groups.map((g) => g.kind)).toEqual(['person']);
    expect(apiPaths().every((p) => p.startsWith('/team-directory/profiles'))).toBe(true);
  });

  it('a filter chip limits the search to its kind', async () => {
    const r = await search(openPort(), 1, 'backend', 'repository');
    expect(r.groups.map((g) => g.kind)).toEqual(['repository']);
  });

  it('a project key typed in capitals ranks that project first', async () => {
    const r = await search(openPort(), 1, 'ORBIT', 'project');
    expect(r.group('project')[0]?.items[0]).toMatchObject({ kind: 'project', key: 'ORBIT' });
  });

  it('issue text search covers the starred and member projects by default, or the chosen ones', async () => {
    await search(openPort(), 1, 'login', 'issue');
    const searched = apiPaths().filter((p) => p.endsWith('/planning/issues')).sort();
    expect(searched).toEqual(['/projects/key:ABC/planning/issues', '/projects/key:HANDBOOK/planning/issues',
      '/projects/key:ORBIT/planning/issues', '/projects/key:WEB/planning/issues'].sort());

    await rig.ask({ type: 'settings-set', settings: { searchProjects: ['NAV'] } });
    rig.server.clearRequests();
    await search(openPort(), 2, 'login', 'issue');
    expect(apiPaths().filter((p) => p.endsWith('/planning/issues'))).toEqual(['/projects/key:NAV/planning/issues']);
  });

  it('issues and reviews share one scope per search: settings and the default scope are read once', async () => {
    const localReads = vi.spyOn(rig.fake.platform.storage.local, 'get');
    const sessionReads = vi.spyOn(rig.fake.platform.storage.session, 'get');
    const readsOf = (spy: typeof localReads, key: string) => spy.mock.calls.filter(([k]) => k === key).length;
    const scopeKey = (k: string) => typeof k === 'string' && k.endsWith('|scope|default');

    await search(openPort(), 1, 'login');
    expect(readsOf(localReads, SETTINGS_KEY)).toBe(1);
    expect(sessionReads.mock.calls.filter(([k]) => scopeKey(k as string))).toHaveLength(1);
    // The default scope is fetched once for both kinds.
    expect(apiPaths().filter((p) => p.startsWith('/projects/member:me'))).toHaveLength(1);

    localReads.mockClear();
    await search(openPort(), 2, 'logout');
    expect(readsOf(localReads, SETTINGS_KEY)).toBe(1);
  });

  it('isolates failures per kind: 404 → unsupported, 403 → the permission for that kind only', async () => {
    rig.server.setFault('/team-directory/teams', { status: 404 });
    rig.server.setFault('/team-directory/locations', { status: 403 });
    const r = await search(openPort(), 1, 'a');
    // The fault's 404 carries Space's `not-found` body: the client says not-found, the group "not available".
    expect(r.group('team')).toMatchObject([{ state: 'unsupported', items: [] }]);
    expect(r.group('location')).toMatchObject([{ state: 'error', items: [], error: { code: 'forbidden', permission: 'Locations.View' } }]);
    for (const kind of ['person', 'project', 'repository'] as const) expect(r.group(kind)[0]?.state).toBe('ok');
    expect(r.end).toEqual({ type: 'done', id: 1 });
  });

  it('invalid-request from a search is a failure of that kind, and replaces a stale answer like any lasting one', async () => {
    const port = openPort();
    await search(port, 1, 'jo', 'person');
    rig.advance(FRESH_MS + 1);
    // The demo server answers nothing with a 400 to a well-formed search, so the client is wrapped.
    const make = rig.deps.createClient;
    rig.deps.createClient = (o) => {
      const api = make(o);
      const get: typeof api.get = async (request, call) => {
        if (request.op === 'searchPeople') throw new SpaceError('invalid-request', { status: 400 });
        return api.get(request, call);
      };
      return { ...api, get };
    };
    const r = await search(port, 2, 'jo', 'person');
    expect(r.group('person')).toMatchObject([{ state: 'ok', cached: true }, { state: 'error', items: [], error: { code: 'invalid-request' } }]);
  });

  it('a slow kind does not hold back the others', async () => {
    rig.server.setFault('/projects/repositories/find', { latencyMs: 1_500 });
    const port = openPort();
    port.postMessage({ type: 'search', id: 1, query: 'jo', filter: 'all' });
    await until(() => messagesFor(port, 1).find((m) => m.type === 'group' && m.kind === 'person'));
    expect(messagesFor(port, 1).some((m) => m.type === 'group' && m.kind === 'repository')).toBe(false);
    expect(messagesFor(port, 1).some((m) => m.type === 'done')).toBe(false);
    await until(() => messagesFor(port, 1).find((m) => m.type === 'done'));
  });

  it('a repeat within the cache lifetime makes zero requests; later it is served stale and refreshed', async () => {
    const port = openPort();
    await search(port, 1, 'jo');
    rig.server.clearRequests();

    const repeat = await search(port, 2, ' Jo ');
    expect(rig.server.requests.map((q) => q.path + JSON.stringify(q.query))).toEqual([]);
    expect(repeat.groups.length).toBe(ALL_KINDS.length);
    expect(repeat.groups.every((g) => g.cached)).toBe(true);

    rig.advance(FRESH_MS + 1);
    const later = await search(port, 3, 'jo');
    expect(rig.server.requests.length).toBeGreaterThan(0);
    const people = later.group('person');
    expect(people.map((g) => g.cached)).toEqual([true, false]);
  });

  it('a stale answer survives a passing failure of its refresh, but not a lasting one', async () => {
    const port = openPort();
    await search(port, 1, 'jo', 'person');
    rig.advance(FRESH_MS + 1);
    rig.server.setFault('/team-directory/profiles', { status: 503 });
    const passing = await search(port, 2, 'jo', 'person');
    expect(passing.group('person')).toMatchObject([{ state: 'ok', cached: true }]);
    expect(passing.end).toEqual({ type: 'done', id: 2 });

    rig.server.setFault('/team-directory/profiles', { status: 403 });
    const lasting = await search(port, 3, 'jo', 'person');
    expect(lasting.group('person')).toMatchObject([{ state: 'ok', cached: true }, { state: 'error', error: { code: 'forbidden', permission: 'Profile.View' } }]);
  });

  it('a newer search cancels the older one: its requests are aborted and nothing more is posted for it', async () => {
    rig.server.setFault('/team-directory/profiles', { latencyMs: 400 });
    const port = openPort();
    port.postMessage({ type: 'search', id: 1, query: 'jonathan', filter: 'person' });
    await until(() => (rig.server.requests.length > 0 ? true : undefined));
    const r = await search(port, 2, 'ann', 'person');
    expect(r.end.type).toBe('done');
    await new Promise((res) => setTimeout(res, 600));
    expect(messagesFor(port, 1)).toEqual([]);
    // The server saw the first request go away unanswered.
    const first = rig.server.requests.find((q) => q.query.query?.[0] === 'jonathan');
    expect(first?.status).toBe(0);
  });

  it('identical searches in flight share one request', async () => {
    rig.server.setFault('/team-directory/profiles', { latencyMs: 200 });
    const a = openPort();
    const b = openPort();
    await Promise.all([search(a, 1, 'jordan', 'person'), search(b, 1, 'jordan', 'person')]);
    expect(apiPaths().filter((p) => p === '/team-directory/profiles')).toHaveLength(1);
    expect(messagesFor(a, 1).find((m) => m.type === 'group')).toEqual(messagesFor(b, 1).find((m) => m.type === 'group'));
  });

  it('closing the port aborts its search', async () => {
    rig.server.setFault('/team-directory/profiles', { latencyMs: 300 });
    const port = openPort();
    port.postMessage({ type: 'search', id: 1, query: 'jonathan', filter: 'person' });
    await until(() => (rig.server.requests.length > 0 ? true : undefined));
    port.disconnect();
    await new Promise((res) => setTimeout(res, 500));
    expect(rig.server.requests[0]?.status).toBe(0);
    expect(rig.fake.storage.session.snapshot()[LAST_VIEW_KEY]).toBeUndefined();
  });

  it('a 401 fails the whole search once, records the rejection, and later searches fail fast', async () => {
    await createSpaceClient({ origin: rig.server.url, token: rig.server.token }).revokeCurrentToken();
    rig.server.clearRequests();
    const port = openPort();
    const r = await search(port, 1, 'jo');
    expect(r.end).toMatchObject({ type: 'fail', error: { code: 'unauthorized' } });
    expect(r.all.filter((m) => m.type === 'fail')).toHaveLength(1);
    expect(rig.fake.storage.local.snapshot()[CONNECTION_KEY]).toMatchObject({ auth: 'rejected' });
    expect(rig.fake.record.badge.text).toBe('!');

    rig.server.clearRequests();
    const again = await search(port, 2, 'ann');
    expect(again.end).toMatchObject({ type: 'fail', error: { code: 'unauthorized' } });
    // (Requests of the first search that were already on the wire may still arrive; none for the second.)
    expect(rig.server.requests.filter((q) => [q.query.query, q.query.term].flat().includes('ann'))).toEqual([]);
  });

  it('answers a malformed message with bad-request and does nothing', async () => {
    const port = openPort();
    port.postMessage({ type: 'search', id: 5, query: 'jo', filter: 'all', url: 'https://evil.example' });
    await until(() => messagesFor(port, 5)[0]);
    expect(messagesFor(port, 5)).toMatchObject([{ type: 'fail', error: { code: 'bad-request' } }]);
    expect(rig.server.requests).toEqual([]);
  });

  it('refuses ports from foreign senders and with other names', async () => {
    const foreign = openPort({ id: 'someone-else', origin: 'chrome-extension://someone-else' });
    expect(foreign.disconnected).toBe(true);
    const fromTab = openPort({ id: rig.fake.id, tab: { id: 1 }, url: 'https://evil.example/' });
    expect(fromTab.disconnected).toBe(true);
    const other = openPort(rig.fake.popupSender(), 'other');
    other.postMessage({ type: 'search', id: 1, query: 'jo', filter: 'all' });
    await new Promise((res) => setTimeout(res, 50));
    expect(other.received).toEqual([]);
    expect(rig.server.requests).toEqual([]);
  });

  it('an empty query is done at once without requests', async () => {
    const r = await search(openPort(), 1, '   ');
    expect(r.all).toEqual([{ type: 'done', id: 1 }]);
    expect(rig.server.requests).toEqual([]);
  });
});

describe('lookup port without a usable connection', () => {
  it('not configured → one fail message', async () => {
    const r = await search(openPort(), 1, 'jo');
    expect(r.all).toMatchObject([{ type: 'fail', id: 1, error: { code: 'not-configured' } }]);
  });

  it('host permission revoked → fail, no request', async () => {
    await rig.connect();
    rig.server.clearRequests();
    rig.fake.revoke(`http://127.0.0.1/*`);
    const r = await search(openPort(), 1, 'jo');
    expect(r.all).toMatchObject([{ type: 'fail', error: { code: 'no-host-permission' } }]);
    expect(rig.server.requests).toEqual([]);
  });
});

describe('chat channels, blog articles and code (one global request each)', () => {
  beforeEach(async () => {
    await rig.connect();
    rig.server.clearRequests();
  });

  it.each([
    ['channel', 'zenith', '/chats/channels/all-channels', { kind: 'channel', name: 'zenith-lounge', subscribed: true }],
    ['article', 'kourou', '/blog', { kind: 'article', title: 'Two weeks in Kourou: a launch campaign diary' }],
    ['code', 'albedo', '/projects/source-search', {
      kind: 'code', projectKey: 'NAV', repository: 'nav-core', path: 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt', line: 6,
    }],
  ] as const)('%s: "%s" finds it with one request to %s', async (kind, query, path, expected) => {
    const r = await search(openPort(), 1, query, kind);
    expect(r.group(kind)).toMatchObject([{ state: 'ok', items: [expected] }]);
    expect(r.group(kind)[0]?.items[0]?.webUrl.startsWith(`${rig.server.url}/`)).toBe(true);
    expect(apiPaths().map((p) => p.split('?')[0])).toEqual([path]);
  });

  it('the code card comes with its matching lines, numbered, the matches marked', async () => {
    const r = await search(openPort(), 1, 'albedo', 'code');
    const [match] = r.group('code')[0]?.items ?? [];
    expect(match?.kind === 'code' && match.lines.filter((l) => l.match).map((l) => l.number)).toEqual([6, 7, 8, 9, 13, 14]);
  });

  it('an article card loads by id; channels and code have no details to load (the row is the card)', async () => {
    const [article] = (await search(openPort(), 1, 'kourou', 'article')).group('article')[0]?.items ?? [];
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'details', kind: 'article', id: article?.id ?? '' })).toMatchObject({ ok: true, value: article });
    expect(apiPaths()).toHaveLength(1);
    rig.server.clearRequests();
    for (const kind of ['channel', 'code'] as const) {
      expect(await rig.ask({ type: 'details', kind, id: 'anything' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(rig.server.requests).toEqual([]);
  });

  it('a server without source search: the code group is unsupported ("not available"), the others answer', async () => {
    rig.server.setSourceSearch(false);
    const r = await search(openPort(), 1, 'albedo');
    expect(r.group('code')).toMatchObject([{ state: 'unsupported', items: [] }]);
    for (const kind of ['person', 'channel', 'article', 'repository'] as const) expect(r.group(kind)[0]?.state).toBe('ok');
    expect(r.end).toEqual({ type: 'done', id: 1 });
  });

  describe('a project that is gone answers a 404 of another shape than Space\'s not-found (issue 15, item 5)', () => {
    beforeEach(() => {
      // Both the project-scoped searches and the project itself: `{"message": …}`, no `error` code.
      rig.server.setFault('/projects/key:GONE', { status: 404, otherShape: true });
    });

    it('a project-only query for it lists nothing: never "not available on this server"', async () => {
      const r = await search(openPort(), 1, 'GONE');
      expect(r.group('issue')).toMatchObject([{ state: 'ok', items: [] }]);
      expect(r.group('review')).toMatchObject([{ state: 'ok', items: [] }]);
      expect(r.groups.filter((g) => g.state === 'unsupported')).toEqual([]);
    });

    it('in the search scope it is skipped, the other projects answer', async () => {
      await rig.ask({ type: 'settings-set', settings: { searchProjects: ['GONE', 'ABC'] } });
      const r = await search(openPort(), 1, 'login', 'issue');
      expect(r.group('issue')).toMatchObject([{ state: 'ok' }]);
      expect(r.group('issue')[0]?.items.length).toBeGreaterThan(0);
    });

    it('a key in it reads "No project GONE"', async () => {
      const r = await search(openPort(), 1, 'GONE-T-1');
      expect(r.end).toEqual({ type: 'done', id: 1, missing: { kind: 'project', key: 'GONE' } });
    });

    it('an existing project whose issue endpoint answers such a 404 is still "not available on this server"', async () => {
      rig.server.setFault('/projects/key:ABC/planning/issues', { status: 404, otherShape: true });
      const r = await search(openPort(), 1, 'ABC', 'issue');
      expect(r.group('issue')).toMatchObject([{ state: 'unsupported', error: { code: 'unsupported' } }]);
    });
  });

  it('one unreadable issue never fails the list: the rest are listed, the group counts it, and so does the cached repeat', async () => {
    rig.server.setFault('/projects/key:ABC/planning/issues', { unreadableFirst: true });
    const port = openPort();
    const r = await search(port, 1, 'ABC', 'issue');
    const [group] = r.group('issue');
    expect(group).toMatchObject({ state: 'ok', cached: false, unreadable: 1 });
    expect(group?.items.length).toBeGreaterThan(0);
    expect(group?.items.every((i) => i.kind === 'issue' && i.key.startsWith('ABC-T-'))).toBe(true);
    rig.server.clearRequests();
    const again = await search(port, 2, 'ABC', 'issue');
    expect(again.group('issue')).toEqual([{ ...group, type: 'group', id: 2, cached: true }]);
    expect(rig.server.requests).toEqual([]);
  });

  it('a group whose every item was readable carries no unreadable count', async () => {
    const r = await search(openPort(), 1, 'ABC', 'issue');
    expect(r.group('issue')[0]).not.toHaveProperty('unreadable');
  });

  it('a token without the channel or article permission fails only that group, naming the permission', async () => {
    rig.server.setFault('/chats/channels', { status: 403 });
    rig.server.setFault('/blog', { status: 403 });
    const r = await search(openPort(), 1, 'zenith');
    expect(r.group('channel')).toMatchObject([{ state: 'error', error: { code: 'forbidden', permission: 'Channel.ViewChannel' } }]);
    expect(r.group('article')).toMatchObject([{ state: 'error', error: { code: 'forbidden', permission: 'Article.View' } }]);
    expect(r.group('person')[0]?.state).toBe('ok');
  });
});
