import { request as httpsRequest } from 'node:https';
import { connect as connectRaw, constants, type ClientHttp2Session } from 'node:http2';
import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.ts';
import { connectH2, fieldsParam, h2Request, type BatchJson } from './test-client.ts';

let server: DemoServer;
let session: ClientHttp2Session;

beforeAll(async () => {
  server = await startDemoServer({ tls: true });
  session = await connectH2(server);
});

afterEach(() => {
  server.clearFaults();
  server.setLatency(0);
});

afterAll(async () => {
  session.close();
  await server.close();
});

const ME = '/team-directory/profiles/me';

describe('startDemoServer({ tls: true })', () => {
  it('serves https on 127.0.0.1 with a demo certificate for localhost, 127.0.0.1 and ::1', () => {
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const cert = new X509Certificate(server.certificate!);
    expect(cert.subject).toContain('NOT A REAL CERTIFICATE');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('space.example.com')).toBeUndefined();
  });

  it('is not trusted by default: a client that was not given the certificate refuses it', async () => {
    const untrusting = connectRaw(server.url);
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => untrusting.once('error', resolve));
    untrusting.destroy();
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('negotiates HTTP/2 and answers the API like the plain server, recording the protocol', async () => {
    expect(session.alpnProtocol).toBe('h2');
    server.clearRequests();
    const me = await h2Request<{ username: string }>(session, server, `${ME}?${fieldsParam('username')}`);
    expect(me.status).toBe(200);
    expect(me.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(me.json).toEqual({ username: 'alex.demo' });
    expect((await h2Request(session, server, ME, { token: null })).status).toBe(401);
    expect(server.requests.map((r) => [r.path, r.status, r.protocol])).toEqual([
      [`/api/http${ME}`, 200, 'h2'],
      [`/api/http${ME}`, 401, 'h2'],
    ]);
  });

  it('also accepts localhost as the host name (certificate SAN)', async () => {
    const viaLocalhost = await connectH2(server, `https://localhost:${server.port}`);
    try {
      expect((await h2Request(viaLocalhost, server, ME)).status).toBe(200);
    } finally {
      viaLocalhost.close();
    }
  });

  it('multiplexes: 13 requests with 200 ms latency share one connection and finish in about one latency', async () => {
    server.setLatency(200);
    server.clearRequests();
    const paths = [
      '/team-directory/profiles?query=jo', '/team-directory/teams?query=jo', '/team-directory/locations?query=jo',
      '/projects?term=jo', '/projects/repositories/find?term=jo',
      ...['ABC', 'ORBIT', 'NAV', 'WEB'].flatMap((key) => [`/projects/key:${key}/planning/issues?sorting=UPDATED&descending=true&query=jo`, `/projects/key:${key}/code-reviews?text=jo`]),
    ];
    expect(paths).toHaveLength(13);
    const started = performance.now();
    const answers = await Promise.all(paths.map((p) => h2Request(session, server, p)));
    const elapsed = performance.now() - started;
    expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
    // Six HTTP/1.1 connections would need three rounds (≥ 600 ms); one HTTP/2 connection needs one.
    expect(elapsed).toBeLessThan(450);
    expect(new Set(server.requests.map((r) => r.connection)).size).toBe(1);
    expect(server.requests.every((r) => r.protocol === 'h2')).toBe(true);
    // The log tells when each answer left: after the latency, not before.
    expect(server.requests.every((r) => r.answeredAt - r.at >= 195)).toBe(true);
  });

  it('drop resets only that stream; requests multiplexed beside it still get their answers', async () => {
    server.setFault(ME, { drop: true, times: 1 });
    server.setLatency(50);
    const [dropped, other] = await Promise.allSettled([h2Request(session, server, ME), h2Request(session, server, '/projects/key:ABC')]);
    expect(dropped.status).toBe('rejected');
    expect((dropped as PromiseRejectedResult).reason).toMatchObject({ rstCode: constants.NGHTTP2_INTERNAL_ERROR });
    expect(other.status === 'fulfilled' && other.value.status).toBe(200);
    expect(server.requests.find((r) => r.path === `/api/http${ME}` && r.status === 0)).toBeDefined();
    expect(session.destroyed).toBe(false);
    expect((await h2Request(session, server, ME)).status).toBe(200);
  });

  it('status faults carry their Space error body and Retry-After over HTTP/2', async () => {
    server.setFault(ME, { status: 429, retryAfter: '4' });
    const limited = await h2Request(session, server, ME);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('4');
    expect(limited.json).toMatchObject({ error: 'rate-limited' });
  });

  it('streams an oversized body over HTTP/2 without content-length', async () => {
    server.setFault('/team-directory/profiles', { oversizedBytes: 1_500_000 });
    const big = await h2Request<BatchJson<{ id: string }>>(session, server, `/team-directory/profiles?${fieldsParam('next,totalCount,data(id)')}`);
    expect(big.status).toBe(200);
    expect(big.headers['content-length']).toBeUndefined();
    expect(Buffer.byteLength(big.text)).toBeGreaterThanOrEqual(1_500_000);
    expect(big.json.data).toHaveLength(100);
  });

  it('serves the control API over HTTP/2 (JSON body, loopback check)', async () => {
    const set = await h2Request(session, server, '/__demo/latency', {
      method: 'POST', token: null, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms: 120 }),
    });
    expect(set.status).toBe(204);
    const started = performance.now();
    await h2Request(session, server, ME);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    const refused = await h2Request(session, server, '/__demo/info', { token: null, headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
  });

  it('falls back to HTTP/1.1 over TLS for clients without h2', async () => {
    server.clearRequests();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(`${server.url}/api/http${ME}?${fieldsParam('username')}`, {
        ca: server.certificate!, headers: { authorization: `Bearer ${server.token}` },
      }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer).toEqual({ status: 200, body: '{"username":"alex.demo"}' });
    expect(server.requests.map((r) => r.protocol)).toEqual(['http/1.1']);
  });

  it('close() ends open HTTP/2 sessions instead of waiting for them', async () => {
    const other = await startDemoServer({ tls: true });
    const open = await connectH2(other);
    await h2Request(open, other, ME);
    const closed = new Promise<void>((resolve) => open.once('close', resolve));
    const started = performance.now();
    await other.close();
    await closed;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the plain server (default)', () => {
  it('speaks HTTP/1.1 on http and numbers its connections in the request log', async () => {
    const plain = await startDemoServer();
    try {
      expect(plain.url).toBe(`http://127.0.0.1:${plain.port}`);
      expect(plain.certificate).toBeNull();
      const get = () => fetch(`${plain.url}/api/http${ME}`, { headers: { authorization: `Bearer ${plain.token}` } }).then((r) => r.text());
      // Concurrent requests need connections of their own over HTTP/1.1.
      await Promise.all([get(), get(), get()]);
      expect(plain.requests.map((r) => r.protocol)).toEqual(['http/1.1', 'http/1.1', 'http/1.1']);
      expect(new Set(plain.requests.map((r) => r.connection)).size).toBe(3);
    } finally {
      await plain.close();
    }
  });
});
