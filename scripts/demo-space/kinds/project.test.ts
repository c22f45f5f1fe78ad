/** kinds/project.ts over real HTTP: search, one project by identifier, a member's projects. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { Project } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('projects', () => {
  it('searches projects by term and starred, hiding private projects of others and archived ones', async () => {
    const keys = async (q: string): Promise<string[]> =>
      (await api<BatchJson<Project>>(server, `/projects?${q}&${fieldsParam('data(key(key))')}`)).json.data.map((p) => p.key.key);
    expect(await keys('term=orbit')).toEqual(['ORBIT']);
    expect(await keys('term=nav')).toEqual(['NAV']);
    expect((await keys('starred=true')).sort()).toEqual(['ABC', 'WEB']);
    const all = await keys('term=');
    expect(all).toContain('HANDBOOK');
    expect(all).not.toContain('FINANCE');
    expect(all).not.toContain('LEGACY');
  });

  it('finds one project by key: or id:, and its member projects', async () => {
    const abc = await api<Project>(server, `/projects/key:abc?${fieldsParam('id,key(key),name,private,repos(name,defaultBranch(head))')}`);
    expect(abc.json.key).toEqual({ key: 'ABC' });
    expect(abc.json.repos.map((r) => r.name)).toEqual(['backend', 'backend-gateway', 'proto-schemas']);
    expect(abc.json.repos[2]?.defaultBranch).toEqual({ head: 'refs/heads/master' });
    expect((await api<Project>(server, `/projects/id:${abc.json.id}?${fieldsParam('name')}`)).json.name).toBe('Alpha Backend Core');
    expect((await api(server, '/projects/key:FINANCE')).status).toBe(404);
    expect((await api<Record<string, unknown>>(server, '/projects/key:ABC')).json).not.toHaveProperty('repos');
    const mine = await api<BatchJson<Project>>(server, `/projects/member:me?${fieldsParam('data(key(key))')}`);
    expect(mine.json.data.map((p) => p.key.key).sort()).toEqual(['ABC', 'HANDBOOK', 'ORBIT', 'WEB']);
    const theirs = await api<BatchJson<Project>>(server, `/projects/member:username:joerg.mueller?${fieldsParam('data(key(key))')}`);
    expect(theirs.json.data.map((p) => p.key.key)).toContain('NAV');
  });
});
