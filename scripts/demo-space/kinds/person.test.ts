/** kinds/person.ts over real HTTP: profiles (me, by identifier, search, time zone, working hours) and absences. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import { isoDay } from '../wire.ts';
import type { MemberProfile } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

const PERSON = 'id,username,name(firstName,lastName)';

describe('profiles', () => {
  it('GET /team-directory/profiles/me answers the token owner, cut to $fields', async () => {
    const r = await api<MemberProfile>(server, `/team-directory/profiles/me?${fieldsParam(`${PERSON},emails(email),smallAvatar,joined`)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(r.json).sort()).toEqual(['emails', 'id', 'joined', 'name', 'smallAvatar', 'username']);
    expect(r.json.username).toBe('alex.demo');
    expect(r.json.name).toEqual({ firstName: 'Alex', lastName: 'Demo' });
    expect(r.json.joined).toEqual({ iso: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(r.json.emails[0]).toEqual({ email: 'alex.demo@northwind-orbital.example' });
  });

  it('without $fields returns top-level fields and leaves nested entity collections out', async () => {
    const r = await api<Record<string, unknown>>(server, '/team-directory/profiles/me');
    expect(r.json).toMatchObject({ username: 'alex.demo', name: { firstName: 'Alex' }, archived: false });
    expect(r.json).not.toHaveProperty('managers');
    expect(r.json).not.toHaveProperty('memberships');
    const explicit = await api<{ managers: { username: string }[]; memberships: { team: { name: string } }[] }>(
      server, `/team-directory/profiles/me?${fieldsParam('managers(username),memberships(team(name),role(name),lead)')}`);
    expect(explicit.json.managers.map((m) => m.username)).toEqual(['zoe.lambert']);
    expect(explicit.json.memberships[0]?.team.name).toBe('Web Platform');
  });

  it('finds one profile by username:, id: and email:, with a Space 404 for unknown ones', async () => {
    const byName = await api<MemberProfile>(server, `/team-directory/profiles/username:Taro.Yamada?${fieldsParam(PERSON)}`);
    expect(byName.json.name).toEqual({ firstName: '太郎', lastName: '山田' });
    const byId = await api<MemberProfile>(server, `/team-directory/profiles/id:${byName.json.id}?${fieldsParam('username')}`);
    expect(byId.json).toEqual({ username: 'taro.yamada' });
    const byEmail = await api<MemberProfile>(server, `/team-directory/profiles/email:taro.yamada@northwind-orbital.example?${fieldsParam('username')}`);
    expect(byEmail.json.username).toBe('taro.yamada');
    const missing = await api(server, '/team-directory/profiles/username:nobody.here');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'not-found', error_description: 'Profile not found' });
    const bare = await api(server, '/team-directory/profiles/taro.yamada');
    expect(bare.status).toBe(400);
  });

  it('searches names, user names and e-mails, case- and accent-insensitively', async () => {
    const search = async (query: string): Promise<string[]> => {
      const r = await api<BatchJson<MemberProfile>>(server, `/team-directory/profiles?query=${encodeURIComponent(query)}&${fieldsParam('data(username)')}`);
      expect(r.status).toBe(200);
      return r.json.data.map((p) => p.username);
    };
    expect(await search('lukasz')).toContain('lukasz.wisniewski');
    expect(await search('ZOE')).toContain('zoe.lambert');
    expect(await search('山田')).toEqual(['taro.yamada']);
    expect(await search('Дмитрий')).toEqual(['dmitry.volkov']);
    expect(await search("o'brien")).toEqual(['siobhan.obrien']);
    expect(await search('athina.papadaki@northwind')).toEqual(['athina.papadaki']);
    const jo = await search('jo');
    expect(jo[0]).toMatch(/^jo/);
    expect(jo).toContain('jonathan.whitaker');
    expect(jo.length).toBeGreaterThanOrEqual(5);
    expect(await search('zzzz-nobody')).toEqual([]);
  });

  it('hides past members unless reportPastMembers=true', async () => {
    const q = `query=marcus&${fieldsParam('data(username,archived)')}`;
    expect((await api<BatchJson<MemberProfile>>(server, `/team-directory/profiles?${q}`)).json.data).toEqual([]);
    expect((await api<BatchJson<MemberProfile>>(server, `/team-directory/profiles?${q}&reportPastMembers=true`)).json.data)
      .toEqual([{ username: 'marcus.feld', archived: true }]);
  });

  it('returns the profile time zone and working hours', async () => {
    const tz = await api(server, '/team-directory/profiles/username:priya.raghunathan/timezone');
    expect(tz.json).toEqual({ id: 'Asia/Kolkata' });
    const remote = await api(server, '/team-directory/profiles/username:aroha.ngata/timezone');
    expect(remote.json).toEqual({ id: 'Pacific/Auckland' });
    const hours = await api<BatchJson<{ workingDaysSpec: { workingHours: { day: number; checked: boolean; interval: unknown }[] } }>>(
      server, `/team-directory/profiles/me/working-days?${fieldsParam('next,totalCount,data(workingDaysSpec(workingHours(day,checked,interval(since(hours,minutes),till(hours,minutes)))))')}`);
    expect(hours.json.totalCount).toBe(1);
    const week = hours.json.data[0]?.workingDaysSpec.workingHours ?? [];
    expect(week.filter((d) => d.checked).map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
    expect(week[1]?.interval).toEqual({ since: { hours: 9, minutes: 0 }, till: { hours: 17, minutes: 30 } });
  });

  it("answers a profile's memberships and locations inside the profile", async () => {
    const me = await api<{ memberships: { team: { name: string }; role: { name: string }; lead: boolean }[]; locations: { location: { name: string; tz: string } }[] }>(
      server, `/team-directory/profiles/me?${fieldsParam('memberships(team(name),role(name),lead),locations(location(name,tz))')}`);
    expect(me.json.memberships).toEqual([{ team: { name: 'Web Platform' }, role: { name: 'Senior Software Engineer' }, lead: false }]);
    expect(me.json.locations).toEqual([{ location: { name: 'Amsterdam Office', tz: 'Europe/Amsterdam' } }]);
  });
});

describe('absences', () => {
  it('lists absences with date objects, some of them today', async () => {
    const today = isoDay(Date.now());
    const r = await api<BatchJson<{ member: { username: string }; reason: { name: string }; since: { iso: string }; till: { iso: string }; available: boolean }>>(
      server, `/absences?since=${today}&till=${today}&${fieldsParam('data(member(username),reason(name),since,till,available)')}`);
    expect(r.json.data.length).toBeGreaterThanOrEqual(3);
    for (const a of r.json.data) {
      expect(a.since.iso <= today && a.till.iso >= today).toBe(true);
      expect(Object.keys(a.since)).toEqual(['iso']);
    }
    const jonathan = await api<BatchJson<unknown>>(server, `/absences?member=username:jonathan.whitaker&since=${today}&${fieldsParam('data(reason(name))')}`);
    expect(jonathan.json.data).toEqual([{ reason: { name: 'Vacation' } }]);
    const byMember = await api<BatchJson<unknown>>(server, `/absences?member=${server.dataset.demoUser.id}&${fieldsParam('data(id)')}`);
    expect(byMember.json.data).toEqual([]);
    expect((await api(server, '/absences?since=29-11-2026')).status).toBe(400);
    expect(takeViolationKinds()).toEqual(['invalid-value']);
  });
});
