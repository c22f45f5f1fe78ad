/**
 * The demo server's chat-channel, blog and source-search endpoints over real HTTP: Space's parameters (required
 * `query` enforced), paging, `$fields`, restricted mode for an article's author, and source search switched off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.ts';
import type { ArticleRecord } from './kinds/article.ts';
import type { AllChannelsListEntry } from './kinds/channel.ts';
import type { SourceSearchItem } from './kinds/code.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.setRestricted(false);
  server.setSourceSearch(true);
});

const CHANNEL = 'channelId,name,description,subscribers,subscribed,archived,lastMessageTime';
const channels = async (params: string) =>
  api<BatchJson<AllChannelsListEntry>>(server, `/chats/channels/all-channels?${params}&${fieldsParam(`next,totalCount,data(${CHANNEL})`)}`);
const names = (r: { json: BatchJson<{ name: string }> }) => r.json.data.map((c) => c.name);

describe('GET /chats/channels/all-channels', () => {
  it('finds a channel by a word of its name or description, with its counts and the viewer\'s subscription', async () => {
    const r = await channels('query=zenith');
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(1);
    const zenith = server.dataset.channels.find((c) => c.name === 'zenith-lounge');
    expect(r.json.data[0]).toEqual({
      channelId: zenith?.id, name: 'zenith-lounge', description: zenith?.description, subscribers: zenith?.subscribers.length,
      subscribed: true, archived: false, lastMessageTime: { iso: expect.any(String), timestamp: zenith?.lastMessageTime?.timestamp },
    });
    expect(names(await channels('query=STARGAZING'))).toEqual(['zenith-lounge']);
  });

  it('an empty query lists every channel the viewer may see, by name; private ones only to their members', async () => {
    const all = names(await channels('query='));
    expect(all).toEqual([...all].sort());
    expect(all).toContain('hiring-web');
    expect(all).not.toContain('leadership');
    expect(all).toContain('legacy-telemetry');
    expect(names(await channels('query=&withArchived=false'))).not.toContain('legacy-telemetry');
    expect(names(await channels('query=&publicOnly=true'))).not.toContain('hiring-web');
  });

  it('team and office channels are the team\'s and the building\'s own channel', async () => {
    const r = await channels('query=web-platform');
    const team = server.dataset.teams.find((t) => t.name === 'Web Platform');
    expect(r.json.data.map((c) => c.channelId)).toEqual([team?.channelId]);
    const office = server.dataset.locations.find((l) => l.name === 'Amsterdam Office');
    expect((await channels('query=amsterdam')).json.data.map((c) => c.channelId)).toContain(office?.channelId);
  });

  it('quick filters, sorting and the subscriber filter', async () => {
    const subscribed = await channels('query=&quickFilter=Subscribed');
    expect(subscribed.json.data.every((c) => c.subscribed)).toBe(true);
    expect(names(subscribed)).toEqual(expect.arrayContaining(['general', 'zenith-lounge', 'hiring-web']));
    const busiest = await channels('query=&sortColumn=Subscribers&sortOrder=DESC&$top=1');
    expect(names(busiest)).toEqual(['general']);
    const mine = await channels('query=&subscriber=me');
    expect(names(mine)).toEqual(names(subscribed));
  });

  it('pages with $top/$skip and reports the total', async () => {
    const first = await channels('query=&$top=5');
    const second = await channels(`query=&$top=5&$skip=${first.json.next}`);
    expect(first.json).toMatchObject({ next: '5', totalCount: first.json.totalCount });
    expect(second.json.data).toHaveLength(5);
    expect(new Set([...names(first), ...names(second)]).size).toBe(10);
  });

  it('requires `query` (400 validation-error), and checks enum values', async () => {
    const missing = await api(server, '/chats/channels/all-channels');
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: 'validation-error', error_description: "Parameter 'query' is required" });
    const badEnum = await api(server, '/chats/channels/all-channels?query=&quickFilter=Everything');
    expect(badEnum.status).toBe(400);
    expect(takeViolationKinds()).toEqual(['missing-parameter', 'invalid-value']);
  });
});

const ARTICLE = 'id,title,created,author(id,username,name(firstName,lastName)),preview,teams(id,name),locations(id,name)';
const articles = async (params: string) => api<BatchJson<ArticleRecord>>(server, `/blog?${params}${params ? '&' : ''}${fieldsParam(`next,totalCount,data(${ARTICLE})`)}`);

describe('GET /blog', () => {
  it('finds an article by a word of its title, with author, preview and targets', async () => {
    const r = await articles('term=kourou');
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(1);
    const [article] = r.json.data;
    expect(article).toMatchObject({
      title: 'Two weeks in Kourou: a launch campaign diary',
      author: { username: 'soren.ostergaard', name: { firstName: 'Søren', lastName: 'Østergaard' } },
      teams: [{ name: 'Mission Control' }, { name: 'Ground Systems' }], locations: null,
      created: { iso: expect.any(String), timestamp: expect.any(Number) },
    });
    expect(article?.preview.length).toBeLessThanOrEqual(161);
    expect(Object.keys(article ?? {}).sort()).toEqual(['author', 'created', 'id', 'locations', 'preview', 'teams', 'title']);
  });

  it('lists newest first without a term, pages, and filters by author, team and location', async () => {
    const all = await articles('');
    const times = all.json.data.map((a) => a.created.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.json.totalCount).toBe(server.dataset.articles.length);
    expect((await articles('$top=4&$skip=4')).json.data.map((a) => a.id)).toEqual(all.json.data.slice(4, 8).map((a) => a.id));
    const demo = server.dataset.demoUser;
    expect((await articles(`authorId=${demo.id}`)).json.data.map((a) => a.title)).toEqual(['Accessibility audit of Mission Web: the results']);
    const berlin = server.dataset.locations.find((l) => l.name === 'Berlin Office');
    expect((await articles(`locationId=${berlin?.id}`)).json.data.map((a) => a.title)).toEqual(['Berlin summer party: save the date']);
    const forMe = (await articles('forProfile=me')).json.data.map((a) => a.title);
    expect(forMe).toContain('Design system 3.0: tokens, dark mode and fewer components');
    expect(forMe).toContain('Working across five time zones');
    expect(forMe).not.toContain('Tokyo office hours during Golden Week');
  });

  it('GET /blog/{id} and /blog/alias:{alias}; an unknown id is Space\'s not-found', async () => {
    const [first] = server.dataset.articles;
    const byId = await api<ArticleRecord>(server, `/blog/${first?.id}?${fieldsParam('id,title')}`);
    expect(byId.json).toEqual({ id: first?.id, title: first?.title });
    const byAlias = await api<ArticleRecord>(server, `/blog/alias:${first?.aliases[0]?.alias}?${fieldsParam('id')}`);
    expect(byAlias.json).toEqual({ id: first?.id });
    const missing = await api(server, '/blog/nope');
    expect(missing).toMatchObject({ status: 404, json: { error: 'not-found' } });
  });

  it('restricted: the author comes back as an id with an inline $errors', async () => {
    server.setRestricted(true);
    const [article] = (await articles('term=kourou')).json.data;
    expect(article?.author).toEqual({
      id: server.dataset.profileByUsername.get('soren.ostergaard')?.id,
      $errors: [expect.objectContaining({ className: 'HA_InlineError.InaccessibleFields', fields: ['username', 'name'] })],
    });
    expect(article?.title).toContain('Kourou');
  });
});

const CODE = 'project(key(key)),repository,file(path,commit),lines(start,length),content(lines(text,index,offset))';
const code = async (params: string) => api<BatchJson<SourceSearchItem>>(server, `/projects/source-search?${params}&${fieldsParam(`next,totalCount,data(${CODE})`)}`);

describe('GET /projects/source-search', () => {
  it('finds the matching lines of a file, with context, line indexes, offsets and the head commit', async () => {
    const r = await code('query=albedo');
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(1);
    const [item] = r.json.data;
    const repo = server.dataset.projectByKey.get('NAV')?.repos.find((x) => x.name === 'nav-core');
    expect(item).toMatchObject({
      project: { key: { key: 'NAV' } }, repository: 'nav-core',
      file: { path: 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt', commit: repo?.defaultBranch?.ref },
    });
    // Lines 6-9 (indexes 5-8) and 13-14 mention albedo; consecutive matches are one range.
    expect(item?.lines).toEqual([{ start: 5, length: 4 }, { start: 12, length: 2 }]);
    expect(item?.content.lines.map((l) => l.index)).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13, 14]);
    const shown = item?.content.lines ?? [];
    expect(shown[0]).toEqual({ text: '', index: 4, offset: expect.any(Number) });
    expect(shown[1]?.text).toContain('Earth albedo');
    const file = server.dataset.sourceFiles.find((f) => f.path.endsWith('AlbedoCorrection.kt'));
    for (const line of shown) expect(file?.text.slice(line.offset, line.offset + line.text.length)).toBe(line.text);
  });

  it('searches only what the viewer can read: private projects of others and archived projects stay out', async () => {
    expect((await code('query=invoice')).json.data).toEqual([]);
    expect((await code('query=first%20week')).json.data.map((i) => i.repository)).toEqual(['handbook']);
    expect((await code('query=NotImplementedError')).json.data).toEqual([]);
  });

  it('filters by project, repository and file mask; pages; a blank query finds nothing', async () => {
    expect((await code('query=retry-after')).json.totalCount).toBe(3);
    expect((await code('query=retry-after&repositoryName=backend-gateway')).json.data.map((i) => i.file.path)).toEqual(['config/routes.yaml']);
    expect((await code('query=retry-after&fileMask=*.kt')).json.data.map((i) => i.file.path)).toEqual(['src/main/kotlin/orbital/api/ratelimit/RateLimiter.kt']);
    expect((await code('query=retry-after&project=key:ORBIT')).json.data).toEqual([]);
    const page = await code('query=retry-after&$top=2&$skip=2');
    expect(page.json).toMatchObject({ next: '3', totalCount: 3 });
    expect((await code('query=%20')).json.data).toEqual([]);
  });

  it('requires `query`', async () => {
    const r = await api(server, '/projects/source-search');
    expect(r).toMatchObject({ status: 400, json: { error: 'validation-error' } });
    expect(takeViolationKinds()).toEqual(['missing-parameter']);
  });

  it('switched off, answers a bare 404 like a server without it; other project routes are unaffected', async () => {
    server.setSourceSearch(false);
    const r = await api(server, '/projects/source-search?query=albedo');
    expect(r).toMatchObject({ status: 404, json: null, text: 'Not Found' });
    expect((await api(server, `/projects/key:ABC?${fieldsParam('name')}`)).status).toBe(200);
    server.setSourceSearch(true);
    expect((await code('query=albedo')).json.data).toHaveLength(1);
  });

  it('switched off from the start with withoutSourceSearch, and over HTTP with POST /__demo/source-search', async () => {
    const old = await startDemoServer({ withoutSourceSearch: true });
    try {
      expect((await api(old, '/projects/source-search?query=albedo')).status).toBe(404);
      const on = await fetch(`${old.url}/__demo/source-search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"on":true}' });
      expect(on.status).toBe(204);
      expect((await api(old, `/projects/source-search?query=albedo&${fieldsParam('data(repository)')}`)).json).toEqual({ data: [{ repository: 'nav-core' }] });
      const info = await (await fetch(`${old.url}/__demo/info`)).json() as { sourceSearch: boolean };
      expect(info.sourceSearch).toBe(true);
    } finally {
      await old.close();
    }
  });
});

describe('hostile data for the chat, blog and code kinds', () => {
  it('serves markup verbatim in a channel, an article and a code line', async () => {
    const { HOSTILE_STRINGS: h } = await import('./data-hostile.ts');
    const hostile = await startDemoServer({ hostile: true });
    try {
      const channel = await api<BatchJson<AllChannelsListEntry>>(hostile, `/chats/channels/all-channels?query=hostile&${fieldsParam('data(name,description)')}`);
      expect(channel.json.data).toEqual([{ name: `hostile-${h.imgTag}`, description: expect.stringContaining(h.javascriptUrl) }]);
      const article = await api<BatchJson<ArticleRecord>>(hostile, `/blog?term=hostile&${fieldsParam('data(title,preview)')}`);
      expect(article.json.data).toEqual([{ title: expect.stringContaining(h.svgBreakout), preview: expect.stringContaining(h.imgTag) }]);
      const found = await api<BatchJson<SourceSearchItem>>(hostile, `/projects/source-search?query=hostile&${fieldsParam('data(repository,file(path),content(lines(text)))')}`);
      expect(found.json.data.map((i) => i.repository)).toEqual(['odd name & ünïcode']);
      expect(found.json.data[0]?.content.lines.map((l) => l.text)).toContain(h.scriptClose);
    } finally {
      await hostile.close();
    }
  });
});
