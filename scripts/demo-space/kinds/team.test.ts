/** kinds/team.ts over real HTTP: search (a Batch) and one team with its members. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { Team } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('teams', () => {
  it('searches teams (Batch), finds one by id with its members', async () => {
    const search = await api<BatchJson<Team>>(server, `/team-directory/teams?query=flight&${fieldsParam('totalCount,data(id,name,parent(name),defaultManager(username))')}`);
    expect(search.json.totalCount).toBe(1);
    const flight = search.json.data[0] as Team;
    expect(flight).toMatchObject({ name: 'Flight Software', parent: { name: 'Engineering' }, defaultManager: { username: 'jonathan.whitaker' } });
    const one = await api<Team>(server, `/team-directory/teams/${flight.id}?${fieldsParam('name,description')}`);
    expect(one.json.name).toBe('Flight Software');
    const members = await api<{ memberships: { member: { username: string } }[] }>(server, `/team-directory/teams/${flight.id}?${fieldsParam('memberships(member(username))')}`);
    expect(members.json.memberships.length).toBeGreaterThan(3);
    expect(members.json.memberships.map((m) => m.member.username)).toContain('jonathan.whitaker');
    expect((await api(server, `/team-directory/teams?query=legacy&${fieldsParam('data(name)')}`)).json).toEqual({ data: [] });
    expect((await api(server, `/team-directory/teams?query=legacy&withArchived=true&${fieldsParam('data(name)')}`)).json).toEqual({ data: [{ name: 'Legacy Telemetry' }] });
  });
});
