/**
 * The client and the kinds' calls against the demo Space server over real HTTP on 127.0.0.1: every fault the server
 * can inject, and the token never leaving the Authorization header (the lookups: space.integration.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../scripts/demo-space/server.ts';
import type { SpaceApi, SpaceClientOptions } from '../space/api.ts';
import { describeSpaceError as english } from '../space/test-support/describe.ts';
import { SpaceHttp } from '../space/http.ts';
import { useDemoServer } from '../../scripts/demo-space/use-demo-server.ts';
import { spaceErrorOf } from '../space/test-support/space-error-of.ts';
import { apiRequestsTo, demoSpaceClient } from '../space/test-support/demo-client.ts';
import { issueByKey, issueByNumber, searchIssues } from './issue/space.ts';
import { searchLocations } from './location/space.ts';
import { person as loadPerson, searchPeople } from './person/space.ts';
import { myProjects, project as loadProject, searchProjects } from './project/space.ts';
import { repository as loadRepository, searchRepositories } from './repository/space.ts';
import { searchReviews } from './review/space.ts';
import { searchTeams } from './team/space.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

const client = (overrides: Partial<SpaceClientOptions> = {}): SpaceApi => demoSpaceClient(server, overrides);
const apiRequests = (suffix: string) => apiRequestsTo(server, suffix);

describe('faults', () => {
  it('401 → unauthorized, not retried', async () => {
    server.setFault('/team-directory/profiles/me', { status: 401 });
    const e = await spaceErrorOf(client().me());
    // The demo sends Space's "Access token has expired".
    expect(e).toMatchObject({ code: 'unauthorized', status: 401, reason: 'expired' });
    expect(english(e).message).toMatch(/expired/);
    expect(server.requests).toHaveLength(1);
  });

  it('a wrong token → unauthorized', async () => {
    expect((await spaceErrorOf(client({ token: 'not-a-valid-token' }).me())).code).toBe('unauthorized');
  });

  it('403 naming a permission → forbidden with it', async () => {
    server.setFault('/projects/key:ABC/planning/issues', { status: 403, permission: 'Project.Issues.View' });
    const e = await spaceErrorOf(searchIssues(client(), 'ABC', 'x'));
    expect(e).toMatchObject({ code: 'forbidden', status: 403, permission: 'Project.Issues.View' });
    expect(english(e).message).toContain('View issues');
    expect(server.requests).toHaveLength(1);
  });

  it('404 with a Space body on a lookup → not-found', async () => {
    server.setFault('/projects/key:ABC/planning/issues/key:ABC-T-1', { status: 404 });
    expect((await spaceErrorOf(issueByKey(client(), 'ABC-T-1'))).code).toBe('not-found');
  });

  it('404 with Space\'s not-found body on a search endpoint → not-found (Space said so)', async () => {
    server.setFault('/team-directory/profiles$', { status: 404 });
    expect((await spaceErrorOf(searchPeople(client(), 'jo'))).code).toBe('not-found');
  });

  it('an endpoint the server lacks (bare 404) → unsupported', async () => {
    const http = new SpaceHttp({
      origin: server.url, token: server.token, fetch: globalThis.fetch, timeoutMs: 3000,
      retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 40, totalBudgetMs: 3000 }, maxBodyBytes: 1 << 20,
    });
    // `/organization` is a real Space endpoint (space-api.md §2a) that the demo server doesn't have.
    const e = await spaceErrorOf(http.getJson({
      path: '/organization', fields: 'name', on404: 'unsupported',
      op: 'searchPeople', // any operation: only how the bare 404 is read matters here
    }, (x) => x));
    expect(e).toMatchObject({ code: 'unsupported', status: 404 });
    expect(server.requests).toHaveLength(1);
  });

  it('429 with Retry-After, then success', async () => {
    server.setFault('/team-directory/teams', { status: 429, retryAfter: '1', times: 1 });
    const started = Date.now();
    const teams = await searchTeams(client(), '', { top: 2 });
    expect(teams.items).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(apiRequests('/team-directory/teams').map((r) => r.status)).toEqual([429, 200]);
  });

  it('429 asking for longer than the budget → rate-limited with the delay', async () => {
    server.setFault('/team-directory/teams', { status: 429, retryAfter: '600' });
    const e = await spaceErrorOf(searchTeams(client(), ''));
    expect(e).toMatchObject({ code: 'rate-limited', retryAfterMs: 600_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('500 once, then success', async () => {
    server.setFault('/projects', { status: 500, times: 1 });
    const found = await searchProjects(client(), 'Alpha');
    expect(found.items.length).toBeGreaterThan(0);
    expect(apiRequests('/projects').map((r) => r.status)).toEqual([500, 200]);
  });

  it('503 every time → server after the retries', async () => {
    server.setFault('/projects', { status: 503 });
    expect(await spaceErrorOf(searchProjects(client(), 'Alpha'))).toMatchObject({ code: 'server', status: 503 });
    expect(apiRequests('/projects')).toHaveLength(3);
  });

  it('malformed JSON → bad-response', async () => {
    server.setFault('/team-directory/profiles', { malformed: true });
    expect(await spaceErrorOf(searchPeople(client(), 'jo'))).toMatchObject({ code: 'bad-response', reason: 'not-json' });
    expect(server.requests).toHaveLength(1);
  });

  it('an oversized body → bad-response, read no further than the cap', async () => {
    server.setFault('/team-directory/profiles', { oversizedBytes: 4 * 1024 * 1024 });
    const sizes: number[] = [];
    const e = await spaceErrorOf(searchPeople(client({ maxBodyBytes: 256 * 1024, onResponse: (r) => sizes.push(r.bytes) }), 'jo'));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'too-large' });
    expect(sizes).toHaveLength(0);
  });

  it('a dropped connection once → retried and answered', async () => {
    server.setFault('/team-directory/profiles/me', { drop: true, times: 1 });
    await expect(client().me()).resolves.toMatchObject({ username: 'alex.demo' });
    expect(server.requests).toHaveLength(2);
  });

  it('a dropped connection every time → unreachable', async () => {
    server.setFault('/team-directory/profiles/me', { drop: true });
    const e = await spaceErrorOf(client().me());
    expect(e.code).toBe('unreachable');
    expect(e.host).toBe(new URL(server.url).host);
    expect(english(e).message).toContain(new URL(server.url).host);
    expect(server.requests).toHaveLength(3);
  });

  it('latency beyond the timeout → timeout', async () => {
    server.setFault('/team-directory/profiles/me', { latencyMs: 1500 });
    const started = Date.now();
    const e = await spaceErrorOf(client({ timeoutMs: 200 }).me());
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('latency within the timeout is just slow', async () => {
    server.setFault('/team-directory/profiles/me', { latencyMs: 100 });
    await expect(client({ timeoutMs: 3000 }).me()).resolves.toMatchObject({ username: 'alex.demo' });
  });

  it('cancel via AbortSignal → cancelled, fast', async () => {
    server.setFault('/team-directory/profiles', { latencyMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const e = await spaceErrorOf(searchPeople(client({ timeoutMs: 5000 }), 'jo', {}, { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1900);
  });

  it('cancelling a person card cancels the whole fan-out', async () => {
    server.setFault('/team-directory/profiles', { latencyMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await spaceErrorOf(loadPerson(client({ timeoutMs: 5000 }), 'zoe.lambert', { signal: controller.signal }))).code).toBe('cancelled');
  });

  it('every request names its $fields and carries the token only in the header', async () => {
    const api = client();
    await Promise.all([
      api.me(), searchPeople(api, 'jo'), loadPerson(api, 'zoe.lambert'), searchLocations(api, 'a'), searchTeams(api, 'a'),
      searchProjects(api, 'a'), myProjects(api, ), loadProject(api, 'ABC'), searchIssues(api, 'ABC', ''), issueByKey(api, 'ABC-T-1'),
      issueByNumber(api, 'ABC', 2), searchRepositories(api, 'a'), loadRepository(api, 'ABC', 'backend'), searchReviews(api, 'ABC', ''),
    ]);
    expect(server.requests.length).toBeGreaterThanOrEqual(17);
    for (const request of server.requests) {
      expect(request.query.$fields?.[0]?.length ?? 0).toBeGreaterThan(0);
      expect(request.authorization).toBe(`Bearer ${server.token}`);
      expect(`${request.path}${JSON.stringify(request.query)}`).not.toContain(server.token);
      expect(request.status).toBe(200);
    }
  });
});

describe('sentinel token', () => {
  const SENTINEL = 'tok_SENTINEL_123';
  const faults: [string, string, Parameters<DemoServer['setFault']>[1]][] = [
    ['401', '/team-directory/profiles/me', { status: 401 }],
    ['403', '/team-directory/profiles/me', { status: 403, permission: SENTINEL }],
    ['404', '/team-directory/profiles/me', { status: 404 }],
    ['429', '/team-directory/profiles/me', { status: 429, retryAfter: SENTINEL }],
    ['500', '/team-directory/profiles/me', { status: 500 }],
    ['502', '/team-directory/profiles/me', { status: 502 }],
    ['503', '/team-directory/profiles/me', { status: 503, retryAfter: '999' }],
    ['malformed', '/team-directory/profiles/me', { malformed: true }],
    ['oversized', '/team-directory/profiles/me', { oversizedBytes: 512 * 1024 }],
    ['drop', '/team-directory/profiles/me', { drop: true }],
    ['latency', '/team-directory/profiles/me', { latencyMs: 1000 }],
  ];

  it.each(faults)('%s: no detail, English description or stack contains the token', async (_name, path, fault) => {
    server.addToken(SENTINEL, 'alex.demo');
    server.setFault(path, fault);
    const e = await spaceErrorOf(client({ token: SENTINEL, timeoutMs: 200, maxBodyBytes: 64 * 1024 }).me());
    // JSON.stringify covers every detail (own enumerable properties); the English is built only from them.
    const text = [e.message, english(e).message, english(e).hint, e.stack ?? '', JSON.stringify(e)].join('\n');
    expect(text).not.toContain(SENTINEL);
  });

  it('a revoked sentinel token, an unknown token and a cancelled call leak nothing either', async () => {
    server.addToken(SENTINEL, 'alex.demo');
    const api = client({ token: SENTINEL });
    await api.revokeCurrentToken();
    const errors = [
      await spaceErrorOf(api.me()),
      await spaceErrorOf(loadPerson(api, 'zoe.lambert')),
      await spaceErrorOf(searchPeople(client({ token: `${SENTINEL}_unknown` }), 'jo')),
      await spaceErrorOf(api.me({ signal: AbortSignal.abort() })),
    ];
    for (const e of errors) {
      expect([e.message, english(e).message, english(e).hint, e.stack ?? '', JSON.stringify(e)].join('\n')).not.toContain(SENTINEL);
    }
  });
});
