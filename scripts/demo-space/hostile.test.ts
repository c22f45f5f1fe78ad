import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PROJECT_KEY, HOSTILE_STRINGS, HOSTILE_USERNAME } from './data-hostile.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { Issue, MemberProfile } from './world-types.ts';
import { api, fieldsParam, type BatchJson } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ hostile: true });
});

afterAll(async () => {
  await server.close();
});

describe('hostile data set over HTTP', () => {
  it('serves markup in names verbatim as JSON strings', async () => {
    const r = await api<MemberProfile>(server, `/team-directory/profiles/username:${HOSTILE_USERNAME}?${fieldsParam('name(firstName,lastName),links,about')}`);
    expect(r.json.name).toEqual({ firstName: HOSTILE_STRINGS.imgTag, lastName: HOSTILE_STRINGS.scriptClose });
    expect(r.json.links).toContain(HOSTILE_STRINGS.javascriptUrl);
    const search = await api<BatchJson<MemberProfile>>(server, `/team-directory/profiles?query=img&${fieldsParam('data(username)')}`);
    expect(search.json.data.map((p) => p.username)).toContain(HOSTILE_USERNAME);
  });

  it('resolves a user name that contains a colon', async () => {
    const r = await api<MemberProfile>(server, `/team-directory/profiles/${encodeURIComponent('username:javascript:alert(1)')}?${fieldsParam('username')}`);
    expect(r.json.username).toBe('javascript:alert(1)');
  });

  it('lists the hostile issues, including the 5 kB, bidi and zero-width titles', async () => {
    const r = await api<BatchJson<Issue>>(server, `/projects/key:${HOSTILE_PROJECT_KEY}/planning/issues?sorting=CREATED&descending=false&${fieldsParam('data(number,title,status(color))')}`);
    const titles = r.json.data.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining([HOSTILE_STRINGS.svgBreakout, HOSTILE_STRINGS.bidi, HOSTILE_STRINGS.zeroWidth, HOSTILE_STRINGS.longTitle]));
    expect(HOSTILE_STRINGS.longTitle.length).toBeGreaterThanOrEqual(5000);
    expect(r.json.data[0]?.status.color).toBe(HOSTILE_STRINGS.cssColor);
  });

  it('finds a repository whose name needs percent-encoding', async () => {
    const r = await api<{ name: string }>(server, `/projects/key:${HOSTILE_PROJECT_KEY}/repositories/${encodeURIComponent('odd name & ünïcode')}?${fieldsParam('name')}`);
    expect(r.json).toEqual({ name: 'odd name & ünïcode' });
  });

  it('includes the hostile project in the demo user’s projects', async () => {
    const r = await api<BatchJson<{ key: { key: string } }>>(server, `/projects/member:me?${fieldsParam('data(key(key))')}`);
    expect(r.json.data.map((p) => p.key.key)).toContain(HOSTILE_PROJECT_KEY);
  });
});
