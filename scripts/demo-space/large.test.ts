/**
 * The large organization over HTTP: every directory endpoint pages through it correctly ($top, $skip, next,
 * totalCount) and fast, its answers stay checked against the spec, and the control API switches it and changes
 * people in it (rename, delete) for the e2e suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_ORGANIZATION } from './data-large.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { api, fieldsParam, type BatchJson } from './test-client.ts';

/** What a client keeping a directory asks for: the trimmed fields of each kind (as small as a real sync's). */
const SYNCS = [
  { path: '/team-directory/profiles', fields: 'next,totalCount,data(id,username,name(firstName,lastName),smallAvatar,emails(email))', total: LARGE_ORGANIZATION.people },
  { path: '/team-directory/teams?withArchived=true', fields: 'next,totalCount,data(id,name,parent(id))', total: LARGE_ORGANIZATION.teams },
  { path: '/chats/channels/all-channels?query=', fields: 'next,totalCount,data(channelId,name,access,archived)', total: null },
  { path: '/projects/repositories/find?term=', fields: 'next,totalCount,data(projectKey,repository)', total: null },
  { path: '/projects', fields: 'next,totalCount,data(id,key(key),name)', total: null },
] as const;

/** The client's cap on one answer (src/space/client.ts maxBodyBytes). */
const ANSWER_CAP = 2 * 1024 * 1024;

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ large: true });
});

afterAll(async () => {
  await server.close();
});

async function walk(path: string, fields: string, top: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let skip = '0';
  let pages = 0;
  let slowestMs = 0;
  let largestBytes = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const sep = path.includes('?') ? '&' : '?';
    const started = performance.now();
    const r = await api<BatchJson<Record<string, unknown>>>(server, `${path}${sep}$top=${top}&$skip=${skip}&${fieldsParam(fields)}`);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    largestBytes = Math.max(largestBytes, Buffer.byteLength(r.text));
    expect(r.status).toBe(200);
    pages++;
    totals.add(r.json.totalCount);
    for (const item of r.json.data) ids.push(String(item.id ?? item.channelId ?? `${String(item.projectKey)}/${String(item.repository)}`));
    expect(Number(r.json.next)).toBe(Number(skip) + r.json.data.length);
    if (r.json.data.length < top) break;
    skip = r.json.next;
  }
  return { ids, totals, pages, slowestMs, largestBytes };
}

describe('the large organization over HTTP', () => {
  it.each(SYNCS)('pages through $path: every item once, totalCount stable, each page fast and under the cap', async ({ path, fields, total }) => {
    const { ids, totals, pages, slowestMs, largestBytes } = await walk(path, fields, 1000);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...totals]).toEqual([ids.length]);
    if (total !== null) expect(ids.length).toBe(total);
    expect(pages).toBe(Math.floor(ids.length / 1000) + 1);
    expect(largestBytes).toBeLessThan(ANSWER_CAP);
    // Generous for a loaded 2-core machine; the point is no page costs seconds (the contract checks included).
    expect(slowestMs).toBeLessThan(1500);
  });

  it('gives the same people whatever the page size', async () => {
    const fields = 'next,totalCount,data(id)';
    const small = await walk('/team-directory/profiles', fields, 2500);
    const big = await walk('/team-directory/profiles', fields, 10_000);
    expect(small.ids).toEqual(big.ids);
    expect(big.pages).toBe(2);
  });

  it('answers a search as before: the curated people are still there', async () => {
    const r = await api<BatchJson<{ username: string }>>(server, `/team-directory/profiles?query=jonathan&${fieldsParam('next,totalCount,data(username)')}`);
    expect(r.json.data.map((p) => p.username)).toContain('jonathan.whitaker');
  });
});

describe('changing people (control API)', () => {
  const control = (path: string, body: unknown) => fetch(`${server.url}/__demo/${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const find = async (query: string) => (await api<BatchJson<{ username: string; name: { firstName: string; lastName: string } }>>(
    server, `/team-directory/profiles?query=${encodeURIComponent(query)}&${fieldsParam('next,totalCount,data(username,name(firstName,lastName))')}`)).json.data;

  it('renames a person: searches and the profile answer with the new name', async () => {
    expect((await control('people/rename', { username: 'joanna.smith', firstName: 'Joanna', lastName: 'Quenneville-Ørsted' })).status).toBe(204);
    expect((await find('quenneville')).map((p) => p.username)).toEqual(['joanna.smith']);
    // Still found by the user name and e-mail, which did not change; with the new name.
    expect((await find('joanna.smith')).map((p) => p.name.lastName)).toEqual(['Quenneville-Ørsted']);
    const profile = await api<{ name: { lastName: string } }>(server, `/team-directory/profiles/username:joanna.smith?${fieldsParam('name(lastName)')}`);
    expect(profile.json.name.lastName).toBe('Quenneville-Ørsted');
  });

  it('deletes a person: gone from searches, teams and lookups (404)', async () => {
    const before = (await api<BatchJson<unknown>>(server, `/team-directory/profiles?$top=1&${fieldsParam('totalCount')}`)).json.totalCount;
    expect((await control('people/delete', { username: 'jordan.lee' })).status).toBe(204);
    expect(await find('jordan lee')).toEqual([]);
    expect((await api(server, '/team-directory/profiles/username:jordan.lee')).status).toBe(404);
    const after = (await api<BatchJson<unknown>>(server, `/team-directory/profiles?$top=1&${fieldsParam('totalCount')}`)).json.totalCount;
    expect(after).toBe(before - 1);
    const team = server.dataset.teams.find((t) => t.name === 'Sales & Partnerships')!;
    expect(team.memberships.some((m) => m.member.username === 'jordan.lee')).toBe(false);
  });

  it('refuses an unknown person (404) and the demo user (400), and malformed bodies', async () => {
    expect((await control('people/delete', { username: 'nobody.here' })).status).toBe(404);
    expect((await control('people/rename', { username: 'nobody.here', firstName: 'A', lastName: 'B' })).status).toBe(404);
    expect((await control('people/delete', { username: 'alex.demo' })).status).toBe(400);
    expect((await control('people/rename', { username: 'emily.chen' })).status).toBe(400);
    expect((await control('organization', { size: 'huge' })).status).toBe(400);
  });

  it('switches the organization size, keeping the token', async () => {
    const total = async () => (await api<BatchJson<unknown>>(server, `/team-directory/profiles?$top=1&${fieldsParam('totalCount')}`)).json.totalCount;
    expect((await control('organization', { size: 'everyday' })).status).toBe(204);
    expect(await total()).toBeLessThan(200);
    expect(server.dataset.large).toBe(false);
    expect((await control('organization', { size: 'large' })).status).toBe(204);
    expect(await total()).toBe(LARGE_ORGANIZATION.people);
    // A fresh build: the deleted person is back.
    expect((await find('jordan lee')).map((p) => p.username)).toEqual(['jordan.lee']);
  });
});
