/**
 * kinds/code.ts over real HTTP: source search's matching lines with context, visibility, filters and paging, the
 * endpoint switched off (a bare 404, like an older Space), and a hostile file served verbatim.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS as h } from '../data-hostile.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { SourceSearchItem } from './code.ts';

// useDemoServer switches source search (which a test switches off) back on after every test.
const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

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

describe('hostile data', () => {
  it('serves markup verbatim in a code line', async () => {
    const hostile = await startDemoServer({ hostile: true });
    try {
      const found = await api<BatchJson<SourceSearchItem>>(hostile, `/projects/source-search?query=hostile&${fieldsParam('data(repository,file(path),content(lines(text)))')}`);
      expect(found.json.data.map((i) => i.repository)).toEqual(['odd name & ünïcode']);
      expect(found.json.data[0]?.content.lines.map((l) => l.text)).toContain(h.scriptClose);
    } finally {
      await hostile.close();
    }
  });
});
