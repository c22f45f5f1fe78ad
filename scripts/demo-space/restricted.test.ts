import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_KIND } from './dataset.ts';
import { INACCESSIBLE_FIELDS, projectFields } from './fields.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import type { MemberProfile, Team } from './world-types.ts';
import { api, fieldsParam, type BatchJson } from './test-client.ts';

/** What restricted mode makes of a nested profile: its id and an inline error listing `fields`. */
const withheld = (id: string, fields: string[]): unknown => ({
  id,
  $errors: [{ className: INACCESSIBLE_FIELDS, fields, message: `Could not access following fields: ${fields.map((f) => `'${f}'`).join(', ')}` }],
});

const PERSON_REF = 'username,name(firstName,lastName)';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterEach(() => {
  server.setRestricted(false);
});

afterAll(async () => {
  await server.close();
});

/** An ABC issue with an assignee, and its path. */
const assignedIssue = (): { assignee: MemberProfile; path: string } => {
  const issue = server.dataset.issues.find((i) => i.projectRef.key.key === 'ABC' && i.assignee !== null);
  if (!issue?.assignee) throw new Error('no assigned issue in ABC');
  return { assignee: issue.assignee, path: `/projects/key:ABC/planning/issues/number:${issue.number}` };
};

describe('restricted mode', () => {
  it('is off by default: nested profiles come back whole', async () => {
    const r = await api<{ assignee: { username: string } | null }>(server, `${assignedIssue().path}?${fieldsParam(`assignee(${PERSON_REF})`)}`);
    expect(r.json.assignee).toMatchObject({ username: expect.any(String), name: { firstName: expect.any(String) } });
  });

  it('reduces every nested assignee and creator to its id plus $errors naming the requested fields', async () => {
    server.setRestricted(true);
    const project = server.dataset.projectByKey.get('ABC');
    const issues = server.dataset.issuesByProject.get(project?.id ?? '') ?? [];
    const r = await api<BatchJson<{ number: number; assignee: unknown; createdBy: { name: string; details: { className: string; user: unknown } } }>>(
      server, `/projects/key:ABC/planning/issues?sorting=CREATED&descending=false&$top=100&${fieldsParam(
        `next,totalCount,data(number,assignee(${PERSON_REF}),createdBy(name,details(className,user(id,username))))`)}`);
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(100);
    let assigned = 0;
    for (const item of r.json.data) {
      const source = issues.find((i) => i.number === item.number);
      if (!source) throw new Error(`no issue ${item.number}`);
      if (source.assignee === null) {
        expect(item.assignee).toBeNull();
      } else {
        assigned += 1;
        expect(item.assignee).toEqual(withheld(source.assignee.id, ['username', 'name']));
      }
      // The principal itself is readable (it is not a profile); its user is not.
      expect(item.createdBy.name).toBe(source.createdBy.name);
      expect(item.createdBy.details).toEqual({
        className: 'CUserPrincipalDetails', user: withheld(source.createdBy.details?.user.id ?? '', ['username']),
      });
    }
    expect(assigned).toBeGreaterThan(50);
  });

  it('lists all default fields when the selection names the profile without parentheses', async () => {
    server.setRestricted(true);
    const r = await api<{ assignee: unknown }>(server, `${assignedIssue().path}?${fieldsParam('assignee')}`);
    const { assignee } = assignedIssue();
    const defaults = Object.keys(projectFields(assignee, null) as object).filter((k) => k !== 'id');
    expect(defaults).toEqual(expect.arrayContaining(['username', 'name', 'emails', 'smallAvatar']));
    expect(defaults).not.toContain('managers');
    expect(r.json.assignee).toEqual(withheld(assignee.id, defaults));
  });

  it('adds no $errors when only the id was asked for', async () => {
    server.setRestricted(true);
    const r = await api<{ assignee: unknown }>(server, `${assignedIssue().path}?${fieldsParam('assignee(id)')}`);
    const { assignee } = assignedIssue();
    expect(r.json.assignee).toEqual({ id: assignee.id });
  });

  it('withholds review authors and participants, in the list and by key', async () => {
    server.setRestricted(true);
    const review = server.dataset.reviews.find((r) => r.review.project.key === 'ABC' && r.review.number === 12);
    if (!review) throw new Error('no ABC-MR-12');
    const one = await api<{ title: string; createdBy: unknown }>(server, `/projects/key:ABC/code-reviews/key:ABC-MR-12?${fieldsParam(`title,createdBy(${PERSON_REF})`)}`);
    expect(one.json).toEqual({ title: review.review.title, createdBy: withheld(review.review.createdBy?.id ?? '', ['username', 'name']) });
    const list = await api<BatchJson<{ review: { number: number; createdBy: unknown }; authors: { author: string; profile: unknown }[] }>>(
      server, `/projects/key:ABC/code-reviews?state=&text=heliopause&${fieldsParam('data(review(number,createdBy(username)),authors(author,profile(username)))')}`);
    const row = list.json.data[0];
    expect(row?.review.number).toBe(22);
    const author = server.dataset.reviews.find((r) => r.review.project.key === 'ABC' && r.review.number === 22)?.review.createdBy as MemberProfile;
    expect(row?.review.createdBy).toEqual(withheld(author.id, ['username']));
    // A committer's name and e-mail are plain strings of the commit; only the profile is withheld.
    expect(row?.authors[0]?.author).toBe(`${author.name.firstName} ${author.name.lastName}`);
    expect(row?.authors[0]?.profile).toEqual(withheld(author.id, ['username']));
  });

  it("withholds a team's lead and members but keeps the team", async () => {
    server.setRestricted(true);
    const team = server.dataset.teams.find((t) => t.name === 'Flight Software') as Team;
    const r = await api<{ name: string; defaultManager: unknown; memberships: { lead: boolean; member: unknown }[] }>(
      server, `/team-directory/teams/${team.id}?${fieldsParam(`name,defaultManager(username),memberships(lead,member(id,${PERSON_REF}))`)}`);
    expect(r.json.name).toBe('Flight Software');
    expect(r.json.defaultManager).toEqual(withheld(team.defaultManager?.id ?? '', ['username']));
    expect(r.json.memberships.length).toBeGreaterThan(3);
    for (const [i, m] of r.json.memberships.entries()) {
      expect(m.member).toEqual(withheld(team.memberships[i]?.member.id ?? '', ['username', 'name']));
    }
  });

  it('keeps top-level profiles whole: people search, profile by identifier and me (but not the profiles inside them)', async () => {
    server.setRestricted(true);
    const search = await api<BatchJson<{ username: string; name: { firstName: string } }>>(
      server, `/team-directory/profiles?query=jonathan&${fieldsParam(`data(id,${PERSON_REF})`)}`);
    expect(search.json.data.map((p) => p.username)).toContain('jonathan.whitaker');
    for (const p of search.json.data) expect(p).not.toHaveProperty('$errors');
    const zoe = await api<{ username: string; name: { firstName: string } }>(server, `/team-directory/profiles/username:zoe.lambert?${fieldsParam(PERSON_REF)}`);
    expect(zoe.json).toEqual({ username: 'zoe.lambert', name: { firstName: 'Zoë', lastName: 'Lambert' } });
    const me = await api<{ username: string; managers: unknown[] }>(server, `/team-directory/profiles/me?${fieldsParam('username,managers(username)')}`);
    const manager = server.dataset.demoUser.managers[0] as MemberProfile;
    expect(me.json).toEqual({ username: 'alex.demo', managers: [withheld(manager.id, ['username'])] });
  });

  it('answers GET /absences with 403 naming Profile.Absences.View', async () => {
    const path = `/absences?member=${server.dataset.demoUser.id}&${fieldsParam('data(id)')}`;
    expect((await api(server, path)).status).toBe(200);
    server.setRestricted(true);
    const r = await api(server, path);
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ error: 'permission-denied', error_description: 'Permission denied: Profile.Absences.View' });
    // Working hours and the time zone stay readable.
    expect((await api(server, '/team-directory/profiles/username:zoe.lambert/timezone')).status).toBe(200);
  });

  it('switches per request, both ways', async () => {
    const path = `${assignedIssue().path}?${fieldsParam('assignee(username)')}`;
    const assignee = (): Promise<unknown> => api<{ assignee: unknown }>(server, path).then((r) => r.json.assignee);
    const whole = await assignee();
    expect(whole).toEqual({ username: expect.any(String) });
    server.setRestricted(true);
    expect(await assignee()).toHaveProperty('$errors');
    server.setRestricted(false);
    expect(await assignee()).toEqual(whole);
  });

  it('starts restricted with the `restricted` option', async () => {
    const restricted = await startDemoServer({ restricted: true });
    try {
      expect((await api<{ assignee: unknown }>(restricted, `${assignedIssue().path}?${fieldsParam('assignee(username)')}`)).json.assignee).toHaveProperty('$errors');
      expect((await api(restricted, '/absences')).status).toBe(403);
    } finally {
      await restricted.close();
    }
  });

  it('tags every profile of the data set, invisibly', () => {
    const profile = server.dataset.demoUser;
    expect(Object.keys(profile)).not.toContain(PROFILE_KIND);
    expect(JSON.stringify(projectFields(profile, null))).not.toContain(PROFILE_KIND);
  });
});

describe('control API', () => {
  const control = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}/__demo/restricted`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const absences = async (): Promise<number> => (await api(server, '/absences')).status;

  it('POST /__demo/restricted turns restricted mode on and off', async () => {
    expect((await control('{"on":true}')).status).toBe(204);
    expect(await absences()).toBe(403);
    const info = (await (await fetch(`${server.url}/__demo/info`)).json()) as { restricted: boolean };
    expect(info.restricted).toBe(true);
    expect((await control('{"on":false}')).status).toBe(204);
    expect(await absences()).toBe(200);
  });

  it('rejects anything but a boolean, and browser pages', async () => {
    for (const body of ['{"on":"yes"}', '{}', '{"on":1}']) {
      const r = await control(body);
      expect(r.status, body).toBe(400);
      expect(await r.text()).toMatch(/on must be true or false/);
    }
    expect((await control('{"on":true}', { origin: 'https://evil.example' })).status).toBe(403);
    expect(await absences()).toBe(200);
  });
});
