/**
 * The request core against a real HTTP server on 127.0.0.1, scripted per test: every status and
 * failure mapped to its code, retries, timeouts, cancellation, size caps, and the token never leaking.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpaceHttp, queryString, type HttpOptions } from './http.ts';
import { failure } from './test-support/failure.ts';
import { Reader } from './parse.ts';

const TOKEN = 'tok_SENTINEL_123';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let origin: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => json(res, 200, { id: 'x' });
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function spaceError(res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void {
  json(res, status, { error, error_description: description }, headers);
}

function makeHttp(overrides: Partial<HttpOptions> = {}): SpaceHttp {
  return new SpaceHttp({
    origin,
    token: TOKEN,
    fetch: globalThis.fetch,
    timeoutMs: 2000,
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 3000 },
    maxBodyBytes: 64 * 1024,
    random: () => 1,
    ...overrides,
  });
}

const readId = (json: unknown) => Reader.of(json).id('id');

function getId(http = makeHttp(), extra: { on404?: 'by-body' | 'unsupported'; signal?: AbortSignal } = {}) {
  return http.getJson({
    path: '/projects/key:ABC/planning/issues/key:ABC-T-1', fields: 'id,title', what: 'looking up issue ABC-T-1',
    subject: 'Issue ABC-T-1', permission: 'Project.Issues.View', ...extra,
  }, readId);
}

describe('requests', () => {
  it('sends the token only in the Authorization header, with an explicit $fields', async () => {
    await expect(getId()).resolves.toBe('x');
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('GET');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.url).toBe('/api/http/projects/key:ABC/planning/issues/key:ABC-T-1?$fields=id,title');
    expect(request?.url).not.toContain(TOKEN);
  });

  it('uses credentials:omit, redirect:error and cache:no-store', async () => {
    const inits: RequestInit[] = [];
    // A pass-through wrapper, not a stub: it records the init and lets the real fetch talk to the server.
    const recording: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return globalThis.fetch(input, init);
    };
    await getId(makeHttp({ fetch: recording }));
    expect(inits[0]).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('encodes query values but keeps $ , : ( ) readable; arrays repeat the key', () => {
    expect(queryString({ query: 'a b&c=d', statuses: ['x', 'y'], none: undefined, nil: null, flag: true, $top: 5, $fields: 'id,name(first)' }))
      .toBe('?query=a%20b%26c%3Dd&statuses=x&statuses=y&flag=true&$top=5&$fields=id,name(first)');
    expect(queryString({ issueId: 'key:ABC-T-1', text: 'ł#?/' })).toBe('?issueId=key:ABC-T-1&text=%C5%82%23%3F%2F');
    expect(queryString({})).toBe('');
  });

  it('reports bytes per response without the query', async () => {
    const reports: { path: string; status: number; bytes: number }[] = [];
    await getId(makeHttp({ onResponse: (r) => reports.push(r) }));
    expect(reports).toEqual([{ path: '/api/http/projects/key:ABC/planning/issues/key:ABC-T-1', status: 200, bytes: JSON.stringify({ id: 'x' }).length }]);
  });

  it('a throwing onResponse hook does not break the call', async () => {
    await expect(getId(makeHttp({ onResponse: () => { throw new Error('bench bug'); } }))).resolves.toBe('x');
  });
});

describe('status mapping', () => {
  it('401 → unauthorized, never retried', async () => {
    handler = (_req, res) => spaceError(res, 401, 'authentication-required', 'Invalid token');
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(e.message).toContain('127.0.0.1');
    expect(e.hint).toMatch(/new personal token/);
    expect(seen).toHaveLength(1);
  });

  it('401 with the known expiry description says so', async () => {
    handler = (_req, res) => spaceError(res, 401, 'authentication-required', 'Access token has expired');
    expect((await failure(getId())).message).toMatch(/expired/);
  });

  it('403 naming a permission code → forbidden with that permission', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied: Project.Issues.View');
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'forbidden', status: 403, permission: 'Project.Issues.View' });
    expect(e.message).toContain('“View issues” (Project.Issues.View)');
    expect(seen).toHaveLength(1);
  });

  it('403 naming a quoted permission → forbidden with that name', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', "You need the 'View issues' right");
    expect(await failure(getId())).toMatchObject({ code: 'forbidden', permission: 'View issues' });
  });

  it('403 without a permission → forbidden; the hint names the documented one', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied');
    const e = await failure(getId());
    expect(e.code).toBe('forbidden');
    expect(e.permission).toBeUndefined();
    expect(e.hint).toContain('Project.Issues.View');
  });

  it('404 with a Space not-found body → not-found', async () => {
    handler = (_req, res) => spaceError(res, 404, 'not-found', 'Issue not found');
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'not-found', status: 404 });
    expect(e.message).toBe('Issue ABC-T-1 wasn\'t found on ' + new URL(origin).host + '.');
    expect(seen).toHaveLength(1);
  });

  it('404 from the web server (no Space body) → unsupported', async () => {
    handler = (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    };
    expect(await failure(getId())).toMatchObject({ code: 'unsupported', status: 404 });
    expect(seen).toHaveLength(1);
  });

  it('404 on a search endpoint → unsupported even with a Space body', async () => {
    handler = (_req, res) => spaceError(res, 404, 'not-found', 'Not found');
    expect((await failure(getId(makeHttp(), { on404: 'unsupported' }))).code).toBe('unsupported');
  });

  it.each([400, 405, 410, 422])('%d → unsupported (server version drift), not retried', async (status) => {
    handler = (_req, res) => spaceError(res, status, 'validation-error', "Parameter 'sorting' is required");
    expect(await failure(getId())).toMatchObject({ code: 'unsupported', status });
    expect(seen).toHaveLength(1);
  });

  it('an unexpected status → bad-response', async () => {
    handler = (_req, res) => spaceError(res, 418, 'request-error', 'teapot');
    expect(await failure(getId())).toMatchObject({ code: 'bad-response', status: 418, reason: 'unexpected-status' });
  });

  it('429 with a long Retry-After → rate-limited at once, with the delay for the caller', async () => {
    handler = (_req, res) => spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': '120' });
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(e.hint).toContain('2 minutes');
    expect(seen).toHaveLength(1);
  });

  it('429 then success honours Retry-After (seconds) before retrying', async () => {
    handler = (_req, res, n) => (n === 1
      ? spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': '1' })
      : json(res, 200, { id: 'after-wait' }));
    const started = Date.now();
    await expect(getId()).resolves.toBe('after-wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toHaveLength(2);
  });

  it('429 with an HTTP-date Retry-After', async () => {
    handler = (_req, res, n) => (n === 1
      ? spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': new Date(Date.now() - 5000).toUTCString() })
      : json(res, 200, { id: 'ok' }));
    await expect(getId()).resolves.toBe('ok');
    expect(seen).toHaveLength(2);
  });

  it('429 every time → rate-limited after the retries', async () => {
    handler = (_req, res) => spaceError(res, 429, 'rate-limited', 'Too many requests');
    const e = await failure(getId());
    expect(e.code).toBe('rate-limited');
    expect(e.retryAfterMs).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it('500 then success → retried', async () => {
    handler = (_req, res, n) => (n === 1 ? spaceError(res, 500, 'internal-server-error', 'boom') : json(res, 200, { id: 'second' }));
    await expect(getId()).resolves.toBe('second');
    expect(seen).toHaveLength(2);
  });

  it.each([500, 502, 503, 504])('%d every time → server after 1 + 2 retries', async (status) => {
    handler = (_req, res) => spaceError(res, status, 'internal-server-error', 'boom');
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'server', status });
    expect(e.message).toContain(`HTTP ${status}`);
    expect(seen).toHaveLength(3);
  });

  it('501 is not transient → server without retries', async () => {
    handler = (_req, res) => spaceError(res, 501, 'internal-server-error', 'nope');
    expect(await failure(getId())).toMatchObject({ code: 'server', status: 501 });
    expect(seen).toHaveLength(1);
  });

  it('408 → timeout, retried', async () => {
    handler = (_req, res, n) => (n === 1 ? spaceError(res, 408, 'request-error', 'slow') : json(res, 200, { id: 'ok' }));
    await expect(getId()).resolves.toBe('ok');
    expect(seen).toHaveLength(2);
  });

  it('the total budget bounds retries', async () => {
    handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '1' });
    const started = Date.now();
    const e = await failure(getId(makeHttp({ retry: { retries: 5, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 500 } })));
    expect(e.code).toBe('server');
    expect(seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe('bodies', () => {
  it('malformed JSON → bad-response, not retried', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "x", ');
    };
    expect(await failure(getId())).toMatchObject({ code: 'bad-response', reason: 'not-json' });
    expect(seen).toHaveLength(1);
  });

  it('an HTML page (SSO proxy) → bad-response html', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Sign in</body></html>');
    };
    const e = await failure(getId());
    expect(e).toMatchObject({ code: 'bad-response', reason: 'html' });
    expect(e.hint).toMatch(/sign-in page or proxy/);
  });

  it('a wrong shape → bad-response naming the field, not retried', async () => {
    handler = (_req, res) => json(res, 200, { title: 'no id' });
    expect(await failure(getId())).toMatchObject({ code: 'bad-response', reason: 'shape:$.id', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('a declared Content-Length over the cap → bad-response too-large', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 });
      res.write('{"id":"');
      // Never finishes: the client must give up on the header alone.
    };
    const started = Date.now();
    expect(await failure(getId())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a chunked body over the cap is aborted while streaming', async () => {
    let written = 0;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => { written = Number.POSITIVE_INFINITY; });
      pump();
    };
    expect(await failure(getId())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
  });

  it('a connection dropped mid-body → unreachable, retried', async () => {
    handler = (_req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.write('{"id":');
        setTimeout(() => res.socket?.destroy(), 10);
      } else {
        json(res, 200, { id: 'whole' });
      }
    };
    await expect(getId()).resolves.toBe('whole');
    expect(seen).toHaveLength(2);
  });
});

describe('network failures, timeouts and cancellation', () => {
  it('a dropped connection → unreachable after retries, naming the host', async () => {
    handler = (req) => req.socket.destroy();
    const e = await failure(getId());
    expect(e.code).toBe('unreachable');
    expect(e.message).toBe(`Can't reach ${new URL(origin).host}.`);
    expect(seen).toHaveLength(3);
  });

  it('a refused connection → unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(getId(makeHttp({ origin: `http://127.0.0.1:${port}` })));
    expect(e.code).toBe('unreachable');
  });

  it('a slow answer → timeout, not retried', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const started = Date.now();
    const e = await failure(getId(makeHttp({ timeoutMs: 150 })));
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(990);
    expect(seen).toHaveLength(1);
  });

  it('a body that stalls → timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 50 });
      res.write('{"id":');
    };
    expect((await failure(getId(makeHttp({ timeoutMs: 150 })))).code).toBe('timeout');
  });

  it('the caller cancelling mid-request → cancelled, not timeout, not retried', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await failure(getId(makeHttp({ timeoutMs: 5000 }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(seen).toHaveLength(1);
  });

  it('cancelling during a backoff wait stops at once', async () => {
    handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '2' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const e = await failure(getId(makeHttp({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 10_000 } }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it('an already-cancelled call sends nothing', async () => {
    expect((await failure(getId(makeHttp(), { signal: AbortSignal.abort() }))).code).toBe('cancelled');
    expect(seen).toHaveLength(0);
  });

  it('a redirect is not followed: bad-response, and the target never sees the token', async () => {
    const targetSeen: IncomingMessage['headers'][] = [];
    const target = createServer((req, res) => {
      targetSeen.push(req.headers);
      json(res, 200, { id: 'elsewhere' });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/api/http/x`;
    handler = (_req, res) => {
      res.writeHead(302, { location: targetUrl });
      res.end();
    };
    try {
      const e = await failure(getId());
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(targetSeen).toHaveLength(0);
      expect(seen).toHaveLength(1);
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

describe('DELETE', () => {
  it('is sent once and never retried', async () => {
    handler = (_req, res) => spaceError(res, 500, 'internal-server-error', 'boom');
    const http = makeHttp();
    const e = await failure(http.delete({ path: '/team-directory/profiles/me/permanent-tokens/current', what: 'revoking the token' }));
    expect(e.code).toBe('server');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'DELETE', url: '/api/http/team-directory/profiles/me/permanent-tokens/current' });
  });

  it('succeeds on an empty 200', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    await expect(makeHttp().delete({ path: '/x', what: 'revoking the token' })).resolves.toBeUndefined();
  });
});

describe('bytes', () => {
  const getAvatar = (http = makeHttp()) => http.getBytes({
    absolutePath: '/d/abc', maxBytes: 1024, accept: 'image/png', contentTypes: ['image/png'], what: 'loading a profile picture',
  });

  it('returns an allowed image', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    };
    const image = await getAvatar();
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(seen[0]?.url).toBe('/d/abc');
  });

  it('rejects another content type', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg/>');
    };
    expect(await failure(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'not-image' });
  });

  it('caps the size', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(4096));
    };
    expect(await failure(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
  });
});

describe('the token never leaks into an error', () => {
  const echo = (req: IncomingMessage) => `You sent ${req.headers.authorization ?? ''} from '${TOKEN}' and "${TOKEN}"`;
  const faults: [string, Handler][] = [
    ['401', (req, res) => spaceError(res, 401, 'authentication-required', echo(req))],
    ['403', (req, res) => spaceError(res, 403, 'permission-denied', echo(req))],
    ['403 quoted', (_req, res) => spaceError(res, 403, 'permission-denied', `'${TOKEN}'`)],
    ['404', (req, res) => spaceError(res, 404, 'not-found', echo(req))],
    ['400', (req, res) => spaceError(res, 400, 'validation-error', echo(req))],
    ['429', (req, res) => spaceError(res, 429, 'rate-limited', echo(req), { 'retry-after': TOKEN })],
    ['500', (req, res) => spaceError(res, 500, 'internal-server-error', echo(req))],
    ['418', (req, res) => spaceError(res, 418, 'request-error', echo(req))],
    ['html', (req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(echo(req)); }],
    ['malformed', (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(`{${echo(req)}`); }],
    ['shape', (req, res) => json(res, 200, { id: 42, echo: echo(req) })],
    ['drop', (req) => req.socket.destroy()],
    ['slow', (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000)],
  ];

  it.each(faults)('%s', async (_name, fault) => {
    handler = fault;
    const e = await failure(getId(makeHttp({ timeoutMs: 150 })));
    const everything = [e.message, e.hint, e.stack ?? '', e.permission ?? '', e.reason ?? '', JSON.stringify(e)].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('Bearer');
  });
});
