import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

/** Follows `next` from page to page until a page comes back empty or short, like the SDKs do. */
async function walk(path: string, top: number): Promise<{ ids: string[]; pages: BatchJson<{ id: string }>[] }> {
  const ids: string[] = [];
  const pages: BatchJson<{ id: string }>[] = [];
  let skip: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const sep = path.includes('?') ? '&' : '?';
    const r: { status: number; json: BatchJson<{ id: string }> } = await api<BatchJson<{ id: string }>>(
      server, `${path}${sep}$top=${top}${skip === null ? '' : `&$skip=${encodeURIComponent(skip)}`}&${fieldsParam('next,totalCount,data(id)')}`);
    expect(r.status).toBe(200);
    pages.push(r.json);
    ids.push(...r.json.data.map((d) => d.id));
    if (r.json.data.length < top) break;
    skip = r.json.next;
  }
  return { ids, pages };
}

describe('Batch paging', () => {
  it('walks all profiles: at least 120, no duplicates, totalCount stable', async () => {
    const { ids, pages } = await walk('/team-directory/profiles', 25);
    expect(ids.length).toBeGreaterThanOrEqual(120);
    expect(new Set(ids).size).toBe(ids.length);
    for (const page of pages) expect(page.totalCount).toBe(ids.length);
    expect(pages.length).toBe(Math.ceil(ids.length / 25) + (ids.length % 25 === 0 ? 1 : 0));
  });

  it('gives the same set whatever the page size', async () => {
    const small = await walk('/team-directory/profiles', 7);
    const big = await walk('/team-directory/profiles', 100);
    expect(small.ids).toEqual(big.ids);
  });

  it('returns next = end offset, also on the last page, and an empty page past the end', async () => {
    const last = await api<BatchJson<unknown>>(server, `/team-directory/profiles?$skip=120&$top=100&${fieldsParam('next,totalCount,data(id)')}`);
    expect(last.json.next).toBe(String(last.json.totalCount));
    expect(last.json.data.length).toBe(last.json.totalCount - 120);
    const past = await api<BatchJson<unknown>>(server, `/team-directory/profiles?$skip=999&${fieldsParam('next,totalCount,data(id)')}`);
    expect(past.json).toEqual({ next: String(Math.min(999, past.json.totalCount)), totalCount: past.json.totalCount, data: [] });
  });

  it('defaults $top to 100', async () => {
    const r = await api<BatchJson<unknown>>(server, `/team-directory/profiles?${fieldsParam('next,data(id)')}`);
    expect(r.json.data).toHaveLength(100);
    expect(r.json.next).toBe('100');
  });

  it('rejects malformed paging parameters with 400', async () => {
    for (const query of ['$top=-1', '$top=ten', '$skip=abc', '$skip=1.5']) {
      const r = await api(server, `/team-directory/profiles?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.json).toMatchObject({ error: 'validation-error' });
    }
    // To the spec `$skip` is a free string and `$top` any integer: only `ten` breaks it.
    expect(takeViolationKinds()).toEqual(['invalid-value']);
  });

  it('pages issues of a large project consistently under a fixed sort', async () => {
    const { ids } = await walk('/projects/key:ABC/planning/issues?sorting=CREATED&descending=true', 30);
    expect(ids.length).toBe(140);
    expect(new Set(ids).size).toBe(140);
  });
});

describe('determinism', () => {
  it('two servers serve the same organization', async () => {
    const other = await startDemoServer();
    try {
      for (const path of [
        `/team-directory/profiles?$top=500&${fieldsParam('data(id,username,name,emails(email),smallAvatar)')}`,
        '/projects/key:ABC/planning/issues?sorting=CREATED&descending=false&$top=500',
        '/projects/key:WEB/code-reviews?state=&$top=500',
        '/team-directory/locations',
      ]) {
        expect((await api(other, path)).text, path).toBe((await api(server, path)).text);
      }
      const avatar = (await api<{ avatar: string }>(server, `/team-directory/profiles/me?${fieldsParam('avatar')}`)).json.avatar;
      const bytes = async (s: DemoServer): Promise<string> =>
        Buffer.from(await (await fetch(`${s.url}/d/${avatar}`, { headers: { authorization: `Bearer ${s.token}` } })).arrayBuffer()).toString('base64');
      expect(await bytes(other)).toBe(await bytes(server));
    } finally {
      await other.close();
    }
  });
});
