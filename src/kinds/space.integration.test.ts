/**
 * The client and the kinds' calls against the demo Space server over real HTTP on 127.0.0.1: every lookup and paging,
 * and a restricted token (the faults: space.faults.integration.test.ts). Expectations come from the server's dataset.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-space/server.ts';
import type { SpaceApi, SpaceClientOptions } from '../space/api.ts';
import { describeSpaceError as english } from '../space/test-support/describe.ts';
import { useDemoServer } from '../../scripts/demo-space/use-demo-server.ts';
import { spaceErrorOf } from '../space/test-support/space-error-of.ts';
import { apiRequestsTo, demoSpaceClient } from '../space/test-support/demo-client.ts';
import type { Batch, Person } from '../space/types.ts';
import { issueByKey, issueByNumber, searchIssues } from './issue/space.ts';
import { location as loadLocation, searchLocations } from './location/space.ts';
import { person as loadPerson, searchPeople } from './person/space.ts';
import { myProjects, project as loadProject, searchProjects } from './project/space.ts';
import { repository as loadRepository, searchRepositories } from './repository/space.ts';
import { reviewByKey, searchReviews } from './review/space.ts';
import { searchTeams, team as loadTeam } from './team/space.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

const client = (overrides: Partial<SpaceClientOptions> = {}): SpaceApi => demoSpaceClient(server, overrides);
const apiRequests = (suffix: string) => apiRequestsTo(server, suffix);
const fullName = (p: { name: { firstName: string; lastName: string } }) => `${p.name.firstName} ${p.name.lastName}`;

describe('lookups', () => {
  it('me: the token owner, with teams, positions, location and zone', async () => {
    const me = await client().me();
    const demo = server.dataset.demoUser;
    expect(me).toMatchObject({
      kind: 'person', id: demo.id, username: demo.username, title: fullName(demo),
      webUrl: `${server.url}/m/${demo.username}`, timeZone: 'Europe/Amsterdam',
    });
    expect(me.teams.map((t) => t.name)).toContain('Web Platform');
    expect(me.positions).toContain('Senior Software Engineer');
    expect(me.emails).toEqual(demo.emails.filter((e) => !e.blocked).map((e) => e.email));

    const [request] = server.requests;
    expect(request?.authorization).toBe(`Bearer ${server.token}`);
    expect(request?.query.$fields?.[0]).toMatch(/^id,username,name\(firstName,lastName\)/);
    expect(JSON.stringify(request?.query)).not.toContain(server.token);
  });

  it('people search pages through every current member', async () => {
    const api = client();
    const pages: Batch<Person>[] = [];
    let skip: string | undefined;
    do {
      const page = await searchPeople(api, '', skip === undefined ? { top: 50 } : { top: 50, skip });
      pages.push(page);
      skip = page.next ?? undefined;
    } while (skip !== undefined && pages.length < 10);
    const items = pages.flatMap((p) => p.items);
    const current = server.dataset.profiles.filter((p) => !p.archived);
    expect(items).toHaveLength(current.length);
    expect(new Set(items.map((p) => p.id))).toEqual(new Set(current.map((p) => p.id)));
    expect(pages).toHaveLength(Math.ceil(current.length / 50));
    expect(pages.at(-1)).toMatchObject({ next: null, totalCount: current.length });
    expect(apiRequests('/team-directory/profiles').map((r) => r.query.$skip?.[0])).toEqual([undefined, '50', '100']);
  });

  it.each([['lukasz', 'lukasz.wisniewski'], ['山田', 'taro.yamada'], ["o'brien", 'siobhan.obrien'], ['Zoë', 'zoe.lambert']])(
    'people search for %j finds %s', async (query, username) => {
      const found = await searchPeople(client(), query, { top: 5 });
      expect(found.items.map((p) => p.username)).toContain(username);
    });

  it('person: profile, zone, working hours and absence in parallel', async () => {
    const person = await loadPerson(client(), 'zoe.lambert');
    expect(person).toMatchObject({ username: 'zoe.lambert', title: 'Zoë Lambert', timeZone: 'Europe/Amsterdam' });
    expect(person.workingHours?.days.length).toBeGreaterThan(0);
    for (const day of person.workingHours?.days ?? []) {
      expect(day.weekday).toBeGreaterThanOrEqual(0);
      expect(day.weekday).toBeLessThanOrEqual(6);
      expect(day.to).toBeGreaterThan(day.from);
    }
    expect(person.absence).toBeNull();
    const paths = server.requests.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/http/team-directory/profiles/username:zoe.lambert',
      '/api/http/team-directory/profiles/username:zoe.lambert/timezone',
      '/api/http/team-directory/profiles/username:zoe.lambert/working-days',
      '/api/http/absences',
    ]));
    expect(server.requests.find((r) => r.path === '/api/http/absences')?.query.member).toEqual([person.id]);
  });

  it('person: an absence covering today', async () => {
    const plan = server.dataset.absencePlans.find((p) => p.member.username === 'jonathan.whitaker' && p.fromDay < 0 && p.toDay > 0);
    expect(plan).toBeDefined();
    const person = await loadPerson(client(), 'jonathan.whitaker');
    expect(person.absence?.reason).toBe(plan?.reason.name);
    expect(person.absence?.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('person: extras the token may not see leave their piece empty, and are named hidden', async () => {
    server.setFault('/team-directory/profiles/username:zoe.lambert/working-days', { status: 403, permission: 'Profile.WorkingDays.View' });
    server.setFault('/team-directory/profiles/username:zoe.lambert/timezone', { status: 404 });
    server.setFault('/absences', { status: 403, permission: 'Profile.Absences.View' });
    const person = await loadPerson(client(), 'zoe.lambert');
    expect(person.workingHours).toBeNull();
    expect(person.absence).toBeUndefined();
    // The location's zone stands in for the profile's; a 404 is "unknown", not "hidden".
    expect(person.timeZone).toBe('Europe/Amsterdam');
    expect(person.hidden).toEqual(['absence', 'workingHours']);
  });

  it('person: a 403 on the time zone is named hidden; other failures of the extras are not', async () => {
    server.setFault('/team-directory/profiles/username:zoe.lambert/timezone', { status: 403 });
    server.setFault('/absences', { status: 500 });
    const person = await loadPerson(client(), 'zoe.lambert');
    expect(person.hidden).toEqual(['timeZone']);
    expect(person.absence).toBeUndefined();
    expect(person.workingHours?.days.length).toBeGreaterThan(0);
  });

  it('person: a 403 on absences naming no permission still reads as hidden absences', async () => {
    server.setFault('/absences', { status: 403 });
    const person = await loadPerson(client(), 'zoe.lambert');
    expect(person.hidden).toEqual(['absence']);
    expect(person.absence).toBeUndefined();
  });

  it('person: an unknown user is not-found, and the extras stop', async () => {
    const e = await spaceErrorOf(loadPerson(client(), 'no.such.person'));
    expect(e).toMatchObject({ code: 'not-found', status: 404, op: 'person', subject: 'no.such.person' });
    expect(english(e).message).toContain('@no.such.person');
    expect(apiRequests('/absences')).toHaveLength(0);
  });

  it('locations: a plain array, paged by the client', async () => {
    const api = client();
    const first = await searchLocations(api, '', { top: 4 });
    const current = server.dataset.locations.filter((l) => !l.archived);
    expect(first.items).toHaveLength(4);
    expect(first).toMatchObject({ next: '4', totalCount: current.length });
    const second = await searchLocations(api, '', { top: 4, skip: first.next ?? '' });
    expect(second.items.map((l) => l.id)).toEqual(current.slice(4, 8).map((l) => l.id));

    const amsterdam = (await searchLocations(api, 'Amsterdam', { top: 5 })).items.find((l) => l.name === 'Amsterdam Office');
    expect(amsterdam).toMatchObject({ type: 'Building', timeZone: 'Europe/Amsterdam', parent: { name: 'Netherlands' } });
    const byId = await loadLocation(api, amsterdam?.id ?? '');
    expect(byId).toEqual(amsterdam);
    expect(byId.webUrl.startsWith(`${server.url}/`)).toBe(true);
  });

  it('teams: search rows, and a card with lead and head count', async () => {
    const api = client();
    const rows = await searchTeams(api, 'Web', { top: 5 });
    const row = rows.items.find((t) => t.name === 'Web Platform');
    expect(row).toMatchObject({ lead: null, memberCount: null });
    const team = await loadTeam(api, row?.id ?? '');
    const source = server.dataset.teamById.get(row?.id ?? '');
    const active = source?.memberships.filter((m) => !m.archived) ?? [];
    expect(team.memberCount).toBe(new Set(active.map((m) => m.member.id)).size);
    expect(team.lead?.username).toBe(active.find((m) => m.lead)?.member.username);
    expect(team.webUrl).toBe(`${server.url}/team?team=${encodeURIComponent(`Web Platform-${team.id}`)}`);
  });

  it('projects: search, mine, and one by key', async () => {
    const api = client();
    expect((await searchProjects(api, 'Alpha', { top: 5 })).items.map((p) => p.key)).toContain('ABC');
    const mine = await myProjects(api, { top: 50 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(apiRequests('/projects/member:me')).toHaveLength(1);
    const project = await loadProject(api, 'ABC');
    const source = server.dataset.projectByKey.get('ABC');
    expect(project).toMatchObject({ id: source?.id, key: 'ABC', name: source?.name, webUrl: `${server.url}/p/ABC` });
    expect(project.repositories).toEqual(source?.repos.map((r) => r.name));
    expect((await spaceErrorOf(loadProject(api, 'NOPE'))).code).toBe('not-found');
  });

  it('issues: newest first, by key and by number', async () => {
    const api = client();
    const page = await searchIssues(api, 'ABC', '', { top: 3 });
    expect(page.items).toHaveLength(3);
    const updated = (id: string) => server.dataset.issueUpdatedAt.get(id) ?? 0;
    expect(updated(page.items[0]?.id ?? '')).toBeGreaterThanOrEqual(updated(page.items[1]?.id ?? ''));
    const request = apiRequests('/projects/key:ABC/planning/issues')[0];
    expect(request?.query).toMatchObject({ sorting: ['UPDATED'], descending: ['true'], $top: ['3'] });

    const source = server.dataset.issuesByProject.get(server.dataset.projectByKey.get('ABC')?.id ?? '')?.find((i) => i.number === 1);
    const issue = await issueByKey(api, 'abc-t-1');
    expect(issue).toMatchObject({
      id: source?.id, key: 'ABC-T-1', number: 1, projectKey: 'ABC', title: source?.title,
      webUrl: `${server.url}/p/ABC/issues/1`, status: { name: source?.status.name, resolved: source?.status.resolved },
    });
    expect(apiRequests('/projects/key:ABC/planning/issues/key:ABC-T-1')).toHaveLength(1);
    expect(await issueByNumber(api, 'ABC', 1)).toEqual(issue);

    const word = source?.title.split(' ')[1] ?? '';
    expect((await searchIssues(api, 'ABC', word, { top: 50 })).items.map((i) => i.id)).toContain(source?.id);
    expect((await spaceErrorOf(issueByKey(api, 'ABC-T-99999'))).code).toBe('not-found');
    const noProject = await spaceErrorOf(searchIssues(api, 'NOPE', 'x'));
    expect(noProject).toMatchObject({ code: 'not-found', status: 404, op: 'searchIssues', subject: 'NOPE' });
    expect(english(noProject).message).toContain('Project NOPE');
    const notAKey = await spaceErrorOf(issueByKey(api, 'not a key'));
    expect(notAKey).toMatchObject({ code: 'not-found', op: 'issue', subject: 'not a key', reason: 'not-a-key' });
    expect(english(notAKey).hint).toContain('ABC-T-123');
  });

  it('repositories: find by term, then one repository', async () => {
    const api = client();
    const found = await searchRepositories(api, 'backend', { top: 10 });
    expect(found.items.map((r) => r.id)).toContain('ABC/backend');
    const repo = await loadRepository(api, 'ABC', 'backend');
    const source = server.dataset.projectByKey.get('ABC')?.repos.find((r) => r.name === 'backend');
    expect(repo).toMatchObject({ id: 'ABC/backend', description: source?.description, webUrl: `${server.url}/p/ABC/repositories/backend` });
    expect(repo.defaultBranch).toBe(source?.defaultBranch?.head.replace('refs/heads/', ''));
    expect((await spaceErrorOf(loadRepository(api, 'ABC', 'nope'))).code).toBe('not-found');
  });

  it('reviews: text search covers every state, so a closed review is found by a word of its title', async () => {
    const reviews = server.dataset.reviewsByProject.get(server.dataset.projectByKey.get('ABC')?.id ?? '') ?? [];
    const closed = reviews.find((r) => r.review.state === 'Closed')?.review;
    expect(closed).toBeDefined();
    const word = closed?.title.split(' ').find((w) => w.length > 4) ?? '';
    const found = await searchReviews(client(), 'ABC', word, { top: 100 });
    expect(found.items.map((r) => r.id)).toContain(closed?.id);
    expect(found.items.find((r) => r.id === closed?.id)?.state).toBe('Closed');
    expect(apiRequests('/projects/key:ABC/code-reviews')[0]?.query.state).toEqual(['']);
  });

  it('reviews: search and both key kinds', async () => {
    const api = client();
    const page = await searchReviews(api, 'ABC', '', { top: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(apiRequests('/projects/key:ABC/code-reviews')[0]?.query).toMatchObject({ sort: ['LastUpdatedDesc'], state: [''] });
    const reviews = server.dataset.reviewsByProject.get(server.dataset.projectByKey.get('ABC')?.id ?? '') ?? [];
    for (const className of ['MergeRequestRecord', 'CommitSetReviewRecord'] as const) {
      const source = reviews.find((r) => r.review.className === className)?.review;
      expect(source).toBeDefined();
      const key = `ABC-${className === 'MergeRequestRecord' ? 'MR' : 'CR'}-${source?.number}`;
      const review = await reviewByKey(api, key.toLowerCase());
      expect(review).toMatchObject({
        id: source?.id, key, title: source?.title, state: source?.state,
        type: className === 'MergeRequestRecord' ? 'merge-request' : 'commit-set',
        webUrl: `${server.url}/p/ABC/reviews/${source?.number}`,
      });
      expect(review.branches === null).toBe(className === 'CommitSetReviewRecord');
    }
  });

  it('reviews: MR and CR both find a review whatever its real type, asked for by number', async () => {
    const api = client();
    const reviews = server.dataset.reviewsByProject.get(server.dataset.projectByKey.get('ABC')?.id ?? '') ?? [];
    for (const className of ['MergeRequestRecord', 'CommitSetReviewRecord'] as const) {
      const source = reviews.find((r) => r.review.className === className)?.review;
      const real = className === 'MergeRequestRecord' ? 'MR' : 'CR';
      for (const typed of ['MR', 'CR']) {
        server.clearRequests();
        const review = await reviewByKey(api, `ABC-${typed}-${source?.number}`);
        expect(review).toMatchObject({ id: source?.id, key: `ABC-${real}-${source?.number}` });
        expect(server.requests.map((r) => r.path)).toEqual([`/api/http/projects/key:ABC/code-reviews/number:${source?.number}`]);
      }
    }
  });

  it('reviews: a review number that does not exist, and a project that does not, are not-found', async () => {
    const api = client();
    const missing = await spaceErrorOf(reviewByKey(api, 'ABC-MR-99999'));
    expect(missing).toMatchObject({ code: 'not-found', op: 'review', subject: 'ABC-MR-99999' });
    expect(english(missing).message).toContain('Review ABC-MR-99999');
    expect((await spaceErrorOf(reviewByKey(api, 'NOPE-CR-1'))).code).toBe('not-found');
  });

  it('avatar: PNG bytes with the token; an unknown id is not-found', async () => {
    const api = client();
    const me = await api.me();
    const image = await api.avatar(me.avatarId ?? '');
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await spaceErrorOf(api.avatar('no-such-picture'))).code).toBe('not-found');
  });

  it.each(['searchIssues', 'searchReviews'] as const)(
    '%s in a project that is gone, whose 404 has another shape than Space\'s not-found: not-found, never "unsupported"',
    async (op) => {
      server.setFault('/projects/key:GONE', { status: 404, otherShape: true });
      const e = await spaceErrorOf({ searchIssues, searchReviews }[op](client(), 'GONE', ''));
      expect(e).toMatchObject({ code: 'not-found', op, subject: 'GONE', status: 404 });
      // One more request told them apart: the project itself.
      expect(server.requests.map((r) => r.path).at(-1)).toBe('/api/http/projects/key:GONE');
    });

  it('a project that exists, whose issue endpoint answers such a 404: the endpoint is missing ("unsupported")', async () => {
    server.setFault('/projects/key:ABC/planning/issues', { status: 404, otherShape: true });
    expect(await spaceErrorOf(searchIssues(client(), 'ABC', ''))).toMatchObject({ code: 'unsupported', op: 'searchIssues', status: 404 });
  });

  it('an issue list with one unreadable issue: the others, and the count', async () => {
    const whole = await searchIssues(client(), 'ABC', '', { top: 5 });
    server.setFault('/projects/key:ABC/planning/issues', { unreadableFirst: true });
    const cut = await searchIssues(client(), 'ABC', '', { top: 5 });
    expect(cut.unreadable).toBe(1);
    expect(cut.items).toEqual(whole.items.slice(1));
    expect(cut.next).toBe(whole.next);
  });

  it('avatar served through a same-origin redirect: the real picture, fetched with the token at both hops', async () => {
    server.setAvatarRedirect('same-origin');
    const api = client();
    const me = await api.me();
    const image = await api.avatar(me.avatarId ?? '');
    expect(image.contentType).toBe('image/png');
    const hops = server.requests.filter((r) => r.path.startsWith('/d/'));
    expect(hops.map((r) => r.path)).toEqual([`/d/${me.avatarId}`, `/d/${me.avatarId}/image`]);
    expect(hops.map((r) => r.status)).toEqual([302, 200]);
    expect(hops.every((r) => r.authorization === `Bearer ${server.token}`)).toBe(true);
  });

  it('avatar redirected to another origin: refused (bad-response), the other origin never asked', async () => {
    server.setAvatarRedirect('other-origin');
    const api = client();
    const me = await api.me();
    expect(await spaceErrorOf(api.avatar(me.avatarId ?? ''))).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    // `localhost` is this very server: had the client followed, the log would show it.
    expect(server.requests.filter((r) => r.path.startsWith('/d/')).map((r) => r.path)).toEqual([`/d/${me.avatarId}`]);
  });

  it('avatar: a 401 from /d/ is "unsupported", not "token revoked"', async () => {
    server.setFault('/d', { status: 401 });
    expect((await spaceErrorOf(client().avatar('x'))).code).toBe('unsupported');
  });

  it('revoking the token: later calls get 401', async () => {
    server.addToken('tok_to_revoke', 'alex.demo');
    const api = client({ token: 'tok_to_revoke' });
    await api.me();
    await api.revokeCurrentToken();
    const revoke = server.requests.find((r) => r.method === 'DELETE');
    expect(revoke?.path).toBe('/api/http/team-directory/profiles/me/permanent-tokens/current');
    expect((await spaceErrorOf(api.me())).code).toBe('unauthorized');
    expect((await spaceErrorOf(api.revokeCurrentToken())).code).toBe('unauthorized');
  });
});

describe('restricted token (nested profiles withheld, absences forbidden)', () => {
  it('issue and review searches still work; people inside them are anonymous references, named hidden', async () => {
    server.setRestricted(true);
    const api = client();
    const issues = await searchIssues(api, 'ABC', '', { top: 50 });
    const assigned = issues.items.filter((i) => i.assignee !== null);
    expect(assigned.length).toBeGreaterThan(0);
    for (const issue of assigned) {
      expect(issue.assignee).toEqual({ id: expect.any(String) as string, username: null, name: null });
      expect(issue.hidden).toContain('assignee');
    }
    const reviews = await searchReviews(api, 'ABC', '', { top: 50 });
    const authored = reviews.items.filter((r) => r.author !== null);
    expect(authored.length).toBeGreaterThan(0);
    for (const review of authored) expect(review).toMatchObject({ author: { username: null, name: null }, hidden: ['author'] });
    const issue = await issueByKey(api, assigned[0]?.key ?? '');
    expect(issue.assignee?.username).toBeNull();
  });

  it('a team card counts members it cannot see and keeps its lead anonymous', async () => {
    const api = client();
    const row = (await searchTeams(api, 'Web', { top: 5 })).items.find((t) => t.name === 'Web Platform');
    const open = await loadTeam(api, row?.id ?? '');
    server.setRestricted(true);
    const restricted = await loadTeam(api, row?.id ?? '');
    expect(restricted.memberCount).toBe(open.memberCount);
    expect(restricted.lead).toEqual({ id: open.lead?.id, username: null, name: null });
    expect(restricted.hidden).toEqual(['lead']);
  });

  it('a person card says absences are hidden; the profile itself stays visible', async () => {
    server.setRestricted(true);
    const person = await loadPerson(client(), 'jonathan.whitaker');
    expect(person).toMatchObject({ username: 'jonathan.whitaker', hidden: ['absence'] });
    expect(person.absence).toBeUndefined();
    expect(person.workingHours).not.toBeNull();
  });
});
