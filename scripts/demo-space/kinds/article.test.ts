/**
 * kinds/article.ts over real HTTP: search, paging and filters, one article by id or alias, restricted mode for the
 * author, and a hostile article served verbatim.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS as h } from '../data-hostile.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { api, fieldsParam, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { ArticleRecord } from './article.ts';

// useDemoServer turns restricted mode (which some tests switch on) back off after every test.
const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

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

describe('hostile data', () => {
  it('serves markup verbatim in an article\'s title and preview', async () => {
    const hostile = await startDemoServer({ hostile: true });
    try {
      const article = await api<BatchJson<ArticleRecord>>(hostile, `/blog?term=hostile&${fieldsParam('data(title,preview)')}`);
      expect(article.json.data).toEqual([{ title: expect.stringContaining(h.svgBreakout), preview: expect.stringContaining(h.imgTag) }]);
    } finally {
      await hostile.close();
    }
  });
});
