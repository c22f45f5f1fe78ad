/**
 * The demo server's cross-kind behaviour over real HTTP: identifiers, routing, avatars and protocol details. Each
 * kind's endpoints are tested next to its module (kinds/<kind>.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.ts';
import type { MemberProfile, Team } from './world-types.ts';
import { api, fieldsParam, takeViolationKinds } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

describe('identifiers', () => {
  it.each([
    '/projects/ABC', '/projects/key:', '/projects/nope:ABC', '/projects/key:AB%20C',
    '/projects/key:ABC/planning/issues/key:ABC-T-abc', '/projects/key:ABC/planning/issues/key:ABC-T-0',
    '/projects/key:ABC/planning/issues/key:ABC-T-', '/projects/key:ABC/planning/issues/key:ABC-MR-1',
    '/projects/key:ABC/planning/issues/ABC-T-1', '/projects/key:ABC/planning/issues/id:',
    '/projects/key:ABC/planning/issues/number:0', '/projects/key:ABC/planning/issues/number:x',
    '/projects/key:ABC/planning/issues/number:', '/projects/key:ABC/planning/issues/number:99999999999',
    '/projects/key:ABC/code-reviews/key:ABC-MR-0', '/projects/key:ABC/code-reviews/key:ABC-CR-x',
    '/projects/key:ABC/code-reviews/key:ABC-T-1', '/projects/key:ABC/code-reviews/key:ABC-XR-1',
    '/projects/key:ABC/code-reviews/number:0', '/projects/key:ABC/code-reviews/number:x', '/projects/key:ABC/code-reviews/number:-1',
    '/projects/key:ABC/code-reviews/ABC-MR-1', '/projects/key:ABC/code-reviews/12',
    '/team-directory/profiles/username:', '/team-directory/profiles/id:', '/team-directory/profiles/taro.yamada',
    // Malformed wins over unknown: [I] Space parses path parameters before looking anything up.
    '/projects/key:NOPE/planning/issues/key:NOPE-T-abc', '/projects/key:NOPE/code-reviews/number:0',
  ])('answers a malformed identifier with 400 validation-error: %s', async (path) => {
    const r = await api<{ error: string; error_description: string }>(server, path);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('validation-error');
    // The spec types only `number:{number}` of issues; every other identifier is a free string to it.
    // `number:{number}` is an int32 there, so a non-integer or too large number breaks the spec too.
    const breaksSpec = path.endsWith('issues/number:x') || path.endsWith('issues/number:99999999999');
    expect(takeViolationKinds()).toEqual(breaksSpec ? ['invalid-value'] : []);
  });

  it.each([
    ['/projects/key:ABC/planning/issues/key:ABC-T-99999', 'Issue not found'],
    ['/projects/key:ABC/planning/issues/number:99999', 'Issue not found'],
    ['/projects/key:ABC/planning/issues/key:NAV-T-1', 'Issue not found'],
    ['/projects/key:ABC/planning/issues/id:nope', 'Issue not found'],
    ['/projects/key:NOPE', 'Project not found'],
    ['/projects/key:NOPE/planning/issues/key:NOPE-T-1', 'Project not found'],
    ['/projects/key:NOPE/code-reviews/key:NOPE-MR-1', 'Project not found'],
    ['/projects/key:ABC/code-reviews/key:ABC-MR-99999', 'Code review not found'],
    ['/projects/key:ABC/code-reviews/key:ABC-CR-99999', 'Code review not found'],
    ['/projects/key:ABC/code-reviews/key:NAV-MR-1', 'Code review not found'],
    ['/projects/key:ABC/code-reviews/number:99999', 'Code review not found'],
    ['/team-directory/profiles/username:nobody.here', 'Profile not found'],
  ])('answers a well-formed identifier that names nothing with 404 not-found: %s', async (path, description) => {
    const r = await api(server, path);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: 'not-found', error_description: description });
  });
});

describe('routes', () => {
  // Only what the client calls (src/space/api-paths.ts) is served; these were demo routes nothing used.
  it.each([
    '/team-directory/memberships', '/team-directory/member-locations', '/team-directory/profiles/working-days?profiles=me',
    '/team-directory/profiles/me/leads', '/issues?issueId=key:ABC-T-1', '/absences/member:me',
  ])('has no %s', async (path) => {
    const r = await api(server, path);
    expect([r.status, r.text]).toEqual(path.includes('profiles/working-days') ? [400, r.text] : [404, 'Not Found']);
  });

  it('has no team members or issue statuses routes', async () => {
    const team = server.dataset.teams[0] as Team;
    expect((await api(server, `/team-directory/teams/${team.id}/direct-members`)).text).toBe('Not Found');
    // `statuses` is not an issue identifier: the issue route answers it as malformed input.
    expect((await api(server, '/projects/key:ABC/planning/issues/statuses')).status).toBe(400);
  });
});

describe('avatars', () => {
  it('serves /d/{id} as PNG with the Bearer token only', async () => {
    const me = await api<MemberProfile>(server, `/team-directory/profiles/me?${fieldsParam('smallAvatar')}`);
    const url = `${server.url}/d/${me.json.smallAvatar}`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${server.token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect((await fetch(url)).status).toBe(401);
    const missing = await fetch(`${server.url}/d/doesNotExist`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not-found', error_description: 'Attachment not found' });
  });
});

describe('protocol details', () => {
  it('answers an unknown endpoint with a non-Space plain-text 404, unlike an unknown entity', async () => {
    const endpoint = await api(server, '/no-such/endpoint');
    expect(endpoint.status).toBe(404);
    expect(endpoint.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(endpoint.text).toBe('Not Found');
    const entity = await api(server, '/projects/key:NOPE');
    expect(entity.status).toBe(404);
    expect(entity.json).toEqual({ error: 'not-found', error_description: 'Project not found' });
    expect((await api(server, '/projects/')).status).toBe(404);
    expect(takeViolationKinds()).toEqual(['unknown-path', 'unknown-path']);
  });

  it('answers a malformed $fields with 400 and a wrong method with 405', async () => {
    const bad = await api(server, `/team-directory/profiles/me?${fieldsParam('name(firstName')}`);
    expect(bad.status).toBe(400);
    expect(takeViolationKinds()).toEqual(['fields-syntax']);
    expect(bad.json).toMatchObject({ error: 'validation-error' });
    const wrongMethod = await api(server, '/team-directory/profiles/me', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('sends Space-like headers and no CORS headers, also on preflights', async () => {
    const r = await api(server, '/team-directory/profiles/me', { headers: { origin: 'https://evil.example' } });
    expect(r.headers.get('vary')).toBe('Origin');
    const preflight = await fetch(`${server.url}/api/http/team-directory/profiles/me`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    for (const headers of [r.headers, preflight.headers]) {
      for (const name of headers.keys()) expect(name).not.toMatch(/^access-control-/);
    }
  });

  it('records every API request in order with its outcome', async () => {
    server.clearRequests();
    await api(server, `/team-directory/profiles/me?${fieldsParam('id')}`);
    await api(server, '/projects/key:NOPE', { token: null });
    expect(server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/http/team-directory/profiles/me', 200],
      ['GET', '/api/http/projects/key:NOPE', 401],
    ]);
    expect(server.requests[0]?.query).toEqual({ $fields: ['id'] });
    expect(server.requests[0]?.authorization).toBe(`Bearer ${server.token}`);
    expect(server.requests[0]?.bytesSent).toBe(JSON.stringify({ id: server.dataset.demoUser.id }).length);
    expect(server.requests[1]?.authorization).toBeNull();
  });
});
