import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry, parseFaultSpec } from './faults.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { api, fieldsParam, type BatchJson } from './test-client.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterEach(() => {
  server.clearFaults();
  server.setLatency(0);
});

afterAll(async () => {
  await server.close();
});

const ME = '/team-directory/profiles/me';

describe('FaultRegistry', () => {
  it('picks the most specific matching prefix, on whole path segments', () => {
    const faults = new FaultRegistry();
    faults.set('*', { status: 500 });
    faults.set('/team-directory', { status: 503 });
    faults.set('/team-directory/profiles', { status: 429 });
    faults.set('/team-directory/profiles$', { status: 403 });
    expect(faults.take('/team-directory/profiles')?.status).toBe(403);
    expect(faults.take('/team-directory/profiles/me')?.status).toBe(429);
    expect(faults.take('/team-directory/profiles-x')?.status).toBe(503);
    expect(faults.take('/projects')?.status).toBe(500);
  });

  it('applies a fault `times` times, then forgets it', () => {
    const faults = new FaultRegistry();
    faults.set('/projects', { status: 500, times: 2 });
    expect(faults.take('/projects/key:ABC')?.status).toBe(500);
    expect(faults.take('/projects')?.status).toBe(500);
    expect(faults.take('/projects')).toBeNull();
  });

  it('validates fault specs from JSON', () => {
    expect(parseFaultSpec({ status: 429, retryAfter: '3', times: 1 })).toEqual({ status: 429, retryAfter: '3', times: 1 });
    expect(() => parseFaultSpec({ status: 418 })).toThrow(/status/);
    expect(() => parseFaultSpec({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => parseFaultSpec({ retryAfter: '1\r\nSet-Cookie: x' })).toThrow(/single-line/);
    expect(() => parseFaultSpec({ sloth: true })).toThrow(/unknown/);
    expect(() => parseFaultSpec([])).toThrow(/object/);
    expect(() => new FaultRegistry().set('projects', {})).toThrow(/pathPrefix/);
  });
});

describe('fault injection over HTTP', () => {
  it.each([
    [401, 'authentication-required'],
    [404, 'not-found'],
    [500, 'internal-server-error'],
    [502, 'internal-server-error'],
  ] as const)('answers %i with a Space error body', async (status, code) => {
    server.setFault(ME, { status });
    const r = await api(server, ME);
    expect(r.status).toBe(status);
    expect(r.json).toMatchObject({ error: code, error_description: expect.any(String) });
  });

  it('names the missing permission in a 403', async () => {
    server.setFault('/projects', { status: 403, permission: 'Project.Issues.View' });
    const r = await api<{ error: string; error_description: string }>(server, '/projects/key:ABC/planning/issues?sorting=UPDATED&descending=true');
    expect(r.status).toBe(403);
    expect(r.json.error).toBe('permission-denied');
    expect(r.json.error_description).toContain('Project.Issues.View');
  });

  it('sends Retry-After with 429 and 503, in seconds or as an HTTP date', async () => {
    server.setFault(ME, { status: 429, retryAfter: '7' });
    const limited = await api(server, ME);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: 'rate-limited' });
    expect(limited.headers.get('retry-after')).toBe('7');
    const date = new Date(Date.now() + 5_000).toUTCString();
    server.setFault(ME, { status: 503, retryAfter: date });
    const unavailable = await api(server, ME);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe(date);
  });

  it('adds latency per fault and globally', async () => {
    server.setFault(ME, { latencyMs: 120 });
    let started = performance.now();
    expect((await api(server, ME)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    server.clearFaults();
    server.setLatency(80);
    started = performance.now();
    await api(server, '/projects/key:ABC');
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('sends malformed JSON with 200 and a JSON content type', async () => {
    server.setFault(ME, { malformed: true });
    const response = await fetch(`${server.url}/api/http${ME}`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('sends an oversized but valid JSON body, streamed without content-length', async () => {
    server.setFault('/team-directory/profiles', { oversizedBytes: 3_000_000 });
    const response = await fetch(`${server.url}/api/http/team-directory/profiles?${fieldsParam('next,totalCount,data(id)')}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(response.headers.get('content-length')).toBeNull();
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(3_000_000);
    const body = JSON.parse(text) as BatchJson<{ id: string }>;
    expect(body.data.length).toBe(100);
    server.setFault('/team-directory/locations', { oversizedBytes: 50_000 });
    const array = await api<unknown[]>(server, `/team-directory/locations?${fieldsParam('id')}`);
    expect(Array.isArray(array.json)).toBe(true);
    expect(array.text.length).toBeGreaterThanOrEqual(50_000);
  });

  it('drops the connection without answering', async () => {
    server.setFault(ME, { drop: true });
    await expect(fetch(`${server.url}/api/http${ME}`, { headers: { authorization: `Bearer ${server.token}` } })).rejects.toThrow();
    expect(server.requests.at(-1)?.status).toBe(0);
  });

  it('limits a fault to the next N requests and leaves other paths alone', async () => {
    server.setFault(ME, { status: 500, times: 1 });
    expect((await api(server, '/projects/key:ABC')).status).toBe(200);
    expect((await api(server, ME)).status).toBe(500);
    expect((await api(server, ME)).status).toBe(200);
  });

  it('applies * to everything, attachments included, and fires before authentication', async () => {
    server.setFault('*', { status: 503 });
    expect((await api(server, ME, { token: null })).status).toBe(503);
    expect((await fetch(`${server.url}/d/anything`)).status).toBe(503);
  });
});

describe('control API under /__demo/', () => {
  const control = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${server.url}/__demo/${path}`, init);
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sets and clears faults', async () => {
    expect((await control('faults', json({ pathPrefix: ME, fault: { status: 429, retryAfter: '2' } }))).status).toBe(204);
    expect((await api(server, ME)).headers.get('retry-after')).toBe('2');
    expect((await control('faults', { method: 'DELETE' })).status).toBe(204);
    expect((await api(server, ME)).status).toBe(200);
  });

  it('rejects bad fault specs with a reason', async () => {
    const r = await control('faults', json({ pathPrefix: ME, fault: { status: 200 } }));
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/status must be one of/);
    expect((await control('faults', { method: 'POST', body: '{}' })).status).toBe(400);
  });

  it('lists and clears recorded requests, with tokens redacted', async () => {
    await control('requests', { method: 'DELETE' });
    await api(server, `${ME}?${fieldsParam('id')}`);
    const list = (await (await control('requests')).json()) as { path: string; authorization: string; status: number }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: `/api/http${ME}`, status: 200 });
    expect(list[0]?.authorization).toBe(`Bearer …${server.token.slice(-4)}`);
    expect(JSON.stringify(list)).not.toContain(server.token);
    await control('requests', { method: 'DELETE' });
    expect(await (await control('requests')).json()).toEqual([]);
  });

  it('sets the global latency and adds tokens', async () => {
    expect((await control('latency', json({ ms: 60 }))).status).toBe(204);
    const started = performance.now();
    await api(server, ME);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect((await control('latency', json({ ms: -5 }))).status).toBe(400);
    expect((await control('tokens', json({ token: 'from-control', username: 'fang.wang' }))).status).toBe(204);
    expect((await api<{ username: string }>(server, `${ME}?${fieldsParam('username')}`, { token: 'from-control' })).json.username).toBe('fang.wang');
  });

  it('describes the organization', async () => {
    const info = (await (await control('info')).json()) as { organization: string; counts: { profiles: number } };
    expect(info.organization).toBe('Northwind Orbital');
    expect(info.counts.profiles).toBeGreaterThanOrEqual(120);
  });

  it('refuses browser pages (any Origin header) and unknown endpoints', async () => {
    expect((await control('requests', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await control('faults', { ...json({ pathPrefix: '*', fault: { drop: true } }), headers: { 'content-type': 'application/json', origin: 'null' } })).status).toBe(403);
    expect((await api(server, ME)).status).toBe(200);
    expect((await control('nope')).status).toBe(404);
  });
});
