/**
 * Chat channels, blog articles and source code: the client against the demo Space server over real HTTP. Every
 * request is also checked against the published spec (test/contract-setup.ts), so parameters and `$fields` are
 * ones Space accepts. Expectations come from the server's own dataset.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-space/server.ts';
import type { SpaceApi } from '../space/api.ts';
import { createSpaceClient } from '../space/client.ts';
import { describeSpaceError as english } from '../space/test-support/describe.ts';
import { useDemoServer } from '../../scripts/demo-space/use-demo-server.ts';
import { spaceErrorOf } from '../space/test-support/space-error-of.ts';
import { article as loadArticle, searchArticles } from './article/space.ts';
import { searchChannels } from './channel/space.ts';
import { searchCode } from './code/space.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

function client(): SpaceApi {
  return createSpaceClient({
    origin: server.url, token: server.token, timeoutMs: 3000,
    retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 40, totalBudgetMs: 3000 },
  });
}

const requestsTo = (path: string) => server.requests.filter((r) => r.path === `/api/http${path}`);

describe('chat channels', () => {
  it('one global request finds a channel by a word of its description; the row has everything the card shows', async () => {
    const found = await searchChannels(client(), 'stargazing');
    const zenith = server.dataset.channels.find((c) => c.name === 'zenith-lounge');
    expect(found).toEqual({
      items: [{
        kind: 'channel', id: zenith?.id, title: 'zenith-lounge', webUrl: `${server.url}/im/group/${zenith?.id}`,
        name: 'zenith-lounge', description: zenith?.description, subscribers: zenith?.subscribers.length, subscribed: true,
        lastMessageTime: zenith?.lastMessageTime?.timestamp, archived: false,
      }],
      next: null, totalCount: 1, unreadable: 0,
    });
    const [request] = requestsTo('/chats/channels/all-channels');
    expect(request?.query).toMatchObject({ query: ['stargazing'], withArchived: ['false'], $top: ['20'] });
    expect(server.requests).toHaveLength(1);
  });

  it('sends the required query even when empty, leaves archived channels out, and pages', async () => {
    const api = client();
    const first = await searchChannels(api, '', { top: 5 });
    const visible = server.dataset.channels.filter((c) => !c.archived && (c.access === 'Public' || c.subscribers.includes(server.dataset.demoUser)));
    expect(first).toMatchObject({ next: '5', totalCount: visible.length });
    const rest = await searchChannels(api, '', { top: 50, skip: first.next ?? '' });
    expect([...first.items, ...rest.items].map((c) => c.name).sort()).toEqual(visible.map((c) => c.name).sort());
    expect(rest.next).toBeNull();
    expect(requestsTo('/chats/channels/all-channels').map((r) => r.query.query)).toEqual([[''], ['']]);
  });

  it('a channel nobody wrote in has no last message time', async () => {
    const [club] = (await searchChannels(client(), 'book club')).items;
    expect(club).toMatchObject({ name: 'book-club', lastMessageTime: null, subscribed: false });
  });

  it('a 403 names "View channel info"', async () => {
    server.setFault('/chats/channels/all-channels', { status: 403, permission: 'Channel.ViewChannel' });
    const e = await spaceErrorOf(searchChannels(client(), 'x'));
    expect(e).toMatchObject({ code: 'forbidden', permission: 'Channel.ViewChannel', op: 'searchChannels' });
    expect(english(e).message).toContain('“View channel info” (Channel.ViewChannel)');
  });
});

describe('blog articles', () => {
  it('one global request finds an article by a word of its title: author, date, preview, teams', async () => {
    const found = await searchArticles(client(), 'kourou');
    const record = server.dataset.articles.find((a) => a.title.includes('Kourou'));
    const author = server.dataset.profileByUsername.get('soren.ostergaard');
    expect(found.items).toEqual([{
      kind: 'article', id: record?.id, title: 'Two weeks in Kourou: a launch campaign diary', webUrl: `${server.url}/blog/${record?.id}`,
      author: { id: author?.id, username: 'soren.ostergaard', name: 'Søren Østergaard' }, createdAt: record?.created.timestamp,
      preview: record?.preview, teams: record?.teams?.map((t) => ({ id: t.id, name: t.name })), locations: [],
    }]);
    expect(requestsTo('/blog')[0]?.query).toMatchObject({ term: ['kourou'] });
  });

  it('without a term, the newest first (no `term` sent); an office article is for its location', async () => {
    const page = await searchArticles(client(), '', { top: 50 });
    expect(page.items.map((a) => a.id)).toEqual(server.dataset.articles.map((a) => a.id));
    expect(requestsTo('/blog')[0]?.query.term).toBeUndefined();
    const berlin = page.items.find((a) => a.title.startsWith('Berlin summer party'));
    expect(berlin).toMatchObject({ teams: [], locations: [{ name: 'Berlin Office' }] });
  });

  it('article(id) loads one article; an unknown id is not found', async () => {
    const api = client();
    const [row] = (await searchArticles(api, 'accessibility audit')).items;
    expect(row?.author?.username).toBe('alex.demo');
    expect(await loadArticle(api, row?.id ?? '')).toEqual(row);
    expect((await spaceErrorOf(loadArticle(api, 'nope'))).code).toBe('not-found');
  });

  it('restricted token: the author is an anonymous reference, named hidden; the rest is whole', async () => {
    server.setRestricted(true);
    const [article] = (await searchArticles(client(), 'kourou')).items;
    expect(article).toMatchObject({
      author: { id: server.dataset.profileByUsername.get('soren.ostergaard')?.id, username: null, name: null },
      hidden: ['author'], teams: [{ name: 'Mission Control' }, { name: 'Ground Systems' }],
    });
  });
});

describe('source code', () => {
  it('one global request finds the file, its matching lines with numbers, and links to the first match', async () => {
    const found = await searchCode(client(), 'albedo');
    const commit = server.dataset.projectByKey.get('NAV')?.repos.find((r) => r.name === 'nav-core')?.defaultBranch?.ref;
    const path = 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt';
    expect(found.items).toHaveLength(1);
    const [match] = found.items;
    expect(match).toMatchObject({
      kind: 'code', id: `NAV/nav-core/${path}:6`, title: path, projectKey: 'NAV', repository: 'nav-core', path, commit, line: 6,
      webUrl: `${server.url}/p/NAV/repositories/nav-core/files/${commit}/${path}?tab=source&line=6&lines-count=1`,
    });
    expect(match?.lines.filter((l) => l.match).map((l) => l.number)).toEqual([6, 7, 8, 9, 13, 14]);
    expect(match?.lines.filter((l) => !l.match).map((l) => l.number)).toEqual([5, 10, 12, 15]);
    expect(match?.lines.find((l) => l.number === 6)?.text).toBe('/** Earth albedo adds light to the sun sensors; subtract it before estimating the sun vector. */');
    expect(match?.hidden).toBeUndefined();
  });

  it('finds nothing in a private project the user is not in', async () => {
    expect((await searchCode(client(), 'invoice')).items).toEqual([]);
  });

  it('a server without source search (bare 404) is "unsupported": the group says it is not available', async () => {
    server.setSourceSearch(false);
    const e = await spaceErrorOf(searchCode(client(), 'albedo'));
    expect(e).toMatchObject({ code: 'unsupported', status: 404, op: 'searchCode' });
    expect(english(e).message).toBe(`This Space server (${new URL(server.url).host}) doesn't support searching code.`);
    expect(requestsTo('/projects/source-search')).toHaveLength(1);
  });

  it('so is Space\'s own not-found or validation error on it: the search names no entity [I]', async () => {
    server.setFault('/projects/source-search', { status: 404 });
    expect(await spaceErrorOf(searchCode(client(), 'albedo'))).toMatchObject({ code: 'unsupported', status: 404 });
    server.setFault('/projects/source-search', { status: 400 });
    expect(await spaceErrorOf(searchCode(client(), 'albedo'))).toMatchObject({ code: 'unsupported', status: 400 });
  });

  it('other failures stay what they are', async () => {
    server.setFault('/projects/source-search', { status: 403, permission: 'VcsRepository.Read' });
    expect(await spaceErrorOf(searchCode(client(), 'albedo'))).toMatchObject({ code: 'forbidden', permission: 'VcsRepository.Read' });
  });
});
