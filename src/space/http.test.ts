/**
 * The request core against a real HTTP server on 127.0.0.1, scripted per test: every status and
 * error mapped to its code, retries, timeouts, cancellation, size caps, and the token never leaking.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeSpaceError as english } from './test-support/describe.ts';
import { SpaceHttp, queryString, type HttpOptions } from './http.ts';
import { spaceErrorOf } from './test-support/space-error-of.ts';
import { useScriptedServer } from './test-support/scripted-server.ts';
import { Reader } from './parse.ts';

const TOKEN = 'tok_SENTINEL_123';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let handler: Handler;
let seen: Seen[];
const local = useScriptedServer((req, res) => {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  handler(req, res, seen.length);
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
    origin: local.origin,
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

interface Flags {
  on404?: 'not-found' | 'unsupported';
  onInvalid?: 'invalid-request' | 'not-found';
  signal?: AbortSignal;
}

function getId(http = makeHttp(), extra: Flags = {}) {
  return http.getJson({
    path: '/projects/key:ABC/planning/issues/key:ABC-T-1', fields: 'id,title', op: 'issue', subject: 'ABC-T-1', ...extra,
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

  it('uses credentials:omit, redirect:manual and cache:no-store', async () => {
    const inits: RequestInit[] = [];
    // A pass-through wrapper, not a stub: it records the init and lets the real fetch talk to the server.
    const recording: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return globalThis.fetch(input, init);
    };
    await getId(makeHttp({ fetch: recording }));
    expect(inits[0]).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'manual', cache: 'no-store' });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('encodes query values but keeps $ , : ( ) readable; arrays repeat the key', () => {
    expect(queryString({ query: 'a b&c=d', statuses: ['x', 'y'], none: undefined, nil: null, flag: true, $top: 5, $fields: 'id,name(first)' }))
      .toBe('?query=a%20b%26c%3Dd&statuses=x&statuses=y&flag=true&$top=5&$fields=id,name(first)');
    expect(queryString({ issueId: 'key:ABC-T-1', text: 'ł#?/' })).toBe('?issueId=key:ABC-T-1&text=%C5%82%23%3F%2F');
    expect(queryString({})).toBe('');
  });

  it('sends an empty value as `key=` (Space reads `state=` as "every state") and leaves out null and undefined', () => {
    expect(queryString({ text: 'fix', state: '', author: null, reviewer: undefined, sort: 'LastUpdatedDesc' }))
      .toBe('?text=fix&state=&sort=LastUpdatedDesc');
    expect(queryString({ state: '' })).toBe('?state=');
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
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'unauthorized', status: 401, host: new URL(local.origin).host, op: 'issue', subject: 'ABC-T-1' });
    expect(e.reason).toBeUndefined();
    expect(english(e).message).toContain('127.0.0.1');
    expect(english(e).hint).toMatch(/new personal token/);
    expect(seen).toHaveLength(1);
  });

  it('401 with the known expiry description says so', async () => {
    handler = (_req, res) => spaceError(res, 401, 'authentication-required', 'Access token has expired');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'unauthorized', reason: 'expired' });
    expect(english(e).message).toMatch(/expired/);
  });

  it('403 naming a permission code → forbidden with that permission', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied: Project.Issues.View');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'forbidden', status: 403, permission: 'Project.Issues.View' });
    expect(english(e).message).toContain('“View issues” (Project.Issues.View)');
    expect(seen).toHaveLength(1);
  });

  it('403 naming a quoted permission → forbidden with that name', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', "You need the 'View issues' right");
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'forbidden', permission: 'View issues' });
  });

  it('403 without a permission → forbidden; the English hint names the documented one', async () => {
    handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied');
    const e = await spaceErrorOf(getId());
    expect(e.code).toBe('forbidden');
    expect(e.permission).toBeUndefined();
    expect(english(e).hint).toContain('Project.Issues.View');
  });

  it('404 with a Space not-found body → not-found', async () => {
    handler = (_req, res) => spaceError(res, 404, 'not-found', 'Issue not found');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'not-found', status: 404, op: 'issue', subject: 'ABC-T-1' });
    expect(english(e).message).toBe('Issue ABC-T-1 wasn\'t found on ' + new URL(local.origin).host + '.');
    expect(seen).toHaveLength(1);
  });

  it('an unexpected status without a Space body → bad-response', async () => {
    handler = (_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('teapot');
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', status: 418, reason: 'unexpected-status' });
  });

  it('429 with a long Retry-After → rate-limited at once, with the delay for the caller', async () => {
    handler = (_req, res) => spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': '120' });
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(english(e).hint).toContain('2 minutes');
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
    const e = await spaceErrorOf(getId());
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
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'server', status });
    expect(english(e).message).toContain(`HTTP ${status}`);
    expect(seen).toHaveLength(3);
  });

  it('501 is not transient → server without retries', async () => {
    handler = (_req, res) => spaceError(res, 501, 'internal-server-error', 'nope');
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'server', status: 501 });
    expect(seen).toHaveLength(1);
  });

  it('408 without a Space body → timeout, retried', async () => {
    handler = (_req, res, n) => {
      if (n > 1) return json(res, 200, { id: 'ok' });
      res.writeHead(408, { 'content-type': 'text/plain' });
      res.end('Request Timeout');
    };
    await expect(getId()).resolves.toBe('ok');
    expect(seen).toHaveLength(2);
  });

  it('the total budget bounds retries', async () => {
    handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '1' });
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ retry: { retries: 5, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 500 } })));
    expect(e.code).toBe('server');
    expect(seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(900);
  });
});

/**
 * Classification by (status × body × kind of request). Space's `error` code decides first (space-api.md §5,
 * §12), the status only without one. `lookup`: an entity by id; `typed`: an identifier the user typed
 * (onInvalid 'not-found'); `search`: a collection or search endpoint (on404 'unsupported').
 */
describe('classification table', () => {
  type Body = string | { error: string } | null;
  type Kind = 'lookup' | 'typed' | 'search';
  const flags: Record<Kind, Flags> = { lookup: {}, typed: { onInvalid: 'not-found' }, search: { on404: 'unsupported' } };
  const answer = (status: number, body: Body): Handler => (_req, res) => {
    if (body === null) {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 404 ? 'Not Found' : 'Error');
    } else if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(body);
    } else {
      spaceError(res, status, body.error, 'Something about the request');
    }
  };
  const e = (error: string) => ({ error });

  // [status, body, kind, expected code, extra expectations, attempts]
  const rows: [number, Body, Kind, string, Record<string, unknown>, number][] = [
    // 404: Space's not-found body wins everywhere; a bare 404 is not-found (SDKs) except on collections.
    [404, e('not-found'), 'lookup', 'not-found', { status: 404 }, 1],
    [404, e('not-found'), 'search', 'not-found', { status: 404 }, 1],
    [404, null, 'lookup', 'not-found', { status: 404 }, 1],
    [404, '<html>Not Found</html>', 'typed', 'not-found', { status: 404 }, 1],
    [404, null, 'search', 'unsupported', { status: 404 }, 1],
    [404, e('some-future-code'), 'search', 'unsupported', { status: 404 }, 1],
    [404, e('duplicated-entity'), 'lookup', 'not-found', { status: 404 }, 1],
    [404, e('validation-error'), 'search', 'invalid-request', { status: 404 }, 1],
    // 400 and its codes: ordinary bad input, never "unsupported".
    [400, e('validation-error'), 'lookup', 'invalid-request', { status: 400 }, 1],
    [400, e('request-error'), 'search', 'invalid-request', { status: 400 }, 1],
    [400, e('validation-error'), 'typed', 'not-found', { status: 400 }, 1],
    [400, e('request-error'), 'typed', 'not-found', { status: 400 }, 1],
    [400, null, 'lookup', 'invalid-request', { status: 400 }, 1],
    [400, null, 'typed', 'not-found', { status: 400 }, 1],
    [400, e('not-found'), 'search', 'not-found', { status: 400 }, 1],
    [422, e('validation-error'), 'lookup', 'invalid-request', { status: 422 }, 1],
    [418, e('request-error'), 'lookup', 'invalid-request', { status: 418 }, 1],
    // Permission and authentication by code, whatever the status.
    [403, e('permission-denied'), 'lookup', 'forbidden', { status: 403 }, 1],
    [400, e('permission-denied'), 'search', 'forbidden', {}, 1],
    [403, null, 'lookup', 'forbidden', { status: 403 }, 1],
    [401, e('authentication-required'), 'lookup', 'unauthorized', { status: 401 }, 1],
    [403, e('authentication-required'), 'lookup', 'unauthorized', { status: 403 }, 1],
    [401, null, 'search', 'unauthorized', { status: 401 }, 1],
    // Rate limiting: retried.
    [429, e('rate-limited'), 'lookup', 'rate-limited', { status: 429 }, 3],
    [503, e('rate-limited'), 'lookup', 'rate-limited', { status: 503 }, 3],
    [429, null, 'search', 'rate-limited', { status: 429 }, 3],
    // Too large: final.
    [413, e('payload-too-large'), 'lookup', 'bad-response', { status: 413, reason: 'too-large' }, 1],
    [400, e('payload-too-large'), 'search', 'bad-response', { status: 400, reason: 'too-large' }, 1],
    [413, null, 'lookup', 'bad-response', { status: 413, reason: 'too-large' }, 1],
    [431, null, 'search', 'bad-response', { status: 431, reason: 'too-large' }, 1],
    // Server errors: transient ones retried.
    [500, e('internal-server-error'), 'lookup', 'server', { status: 500 }, 3],
    [500, null, 'search', 'server', { status: 500 }, 3],
    [502, '<html>Bad Gateway</html>', 'lookup', 'server', { status: 502 }, 3],
    [505, null, 'lookup', 'server', { status: 505 }, 1],
    // What really means "no such endpoint here".
    [405, null, 'lookup', 'unsupported', { status: 405 }, 1],
    [405, null, 'search', 'unsupported', { status: 405 }, 1],
    [501, null, 'lookup', 'unsupported', { status: 501 }, 1],
    [501, e('internal-server-error'), 'lookup', 'server', { status: 501 }, 1],
    [405, e('validation-error'), 'lookup', 'invalid-request', { status: 405 }, 1],
    // Anything else.
    [410, null, 'lookup', 'bad-response', { status: 410, reason: 'unexpected-status' }, 1],
    [422, null, 'lookup', 'bad-response', { status: 422, reason: 'unexpected-status' }, 1],
  ];

  it.each(rows)('%d %j on a %s request → %s', async (status, body, kind, code, extra, attempts) => {
    handler = answer(status, body);
    const error = await spaceErrorOf(getId(makeHttp(), flags[kind]));
    expect(error).toMatchObject({ code, ...extra });
    expect(seen).toHaveLength(attempts);
  });

  it('a missing project under a search endpoint names the project', async () => {
    handler = answer(404, e('not-found'));
    const error = await spaceErrorOf(makeHttp().getJson({
      path: '/projects/key:NOPE/planning/issues', fields: 'next', query: { sorting: 'UPDATED', descending: true },
      op: 'searchIssues', subject: 'NOPE', on404: 'unsupported',
    }, (x) => x));
    expect(error).toMatchObject({ code: 'not-found', status: 404, op: 'searchIssues', subject: 'NOPE' });
    expect(english(error).message).toBe(`Project NOPE wasn't found on ${new URL(local.origin).host}.`);
  });

  it('invalid-request says what was refused, without Space\'s text or the token', async () => {
    handler = (_req, res) => spaceError(res, 400, 'validation-error', `Parameter 'state' is bad; token ${TOKEN}`);
    const error = await spaceErrorOf(getId());
    expect(error.code).toBe('invalid-request');
    const { message, hint } = english(error);
    expect(message).toBe(`${new URL(local.origin).host} refused our request as invalid while looking up issue ABC-T-1 (HTTP 400).`);
    expect(hint).toMatch(/Other lookups keep working/);
    expect([error.message, message, hint, JSON.stringify(error)].join(' ')).not.toMatch(/Parameter|state|tok_/);
  });

  it('reads a capped error body for every status: an oversized one counts as no Space body', async () => {
    handler = (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not-found', pad: 'x'.repeat(200 * 1024) }));
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'invalid-request', status: 400 });
  });
});

describe('bodies', () => {
  it('malformed JSON → bad-response, not retried', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "x", ');
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'not-json' });
    expect(seen).toHaveLength(1);
  });

  it('an HTML page (SSO proxy) → bad-response html', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Sign in</body></html>');
    };
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'bad-response', reason: 'html' });
    expect(english(e).hint).toMatch(/sign-in page or proxy/);
  });

  it('a wrong shape → bad-response naming the field, not retried', async () => {
    handler = (_req, res) => json(res, 200, { title: 'no id' });
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'shape:$.id', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('a declared Content-Length over the cap → bad-response too-large', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 });
      res.write('{"id":"');
      // Never finishes: the client must give up on the header alone.
    };
    const started = Date.now();
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
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
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
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
    const e = await spaceErrorOf(getId());
    expect(e.code).toBe('unreachable');
    expect(e.host).toBe(new URL(local.origin).host);
    expect(english(e).message).toBe(`Can't reach ${new URL(local.origin).host}.`);
    expect(seen).toHaveLength(3);
  });

  it('a refused connection → unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await spaceErrorOf(getId(makeHttp({ origin: `http://127.0.0.1:${port}` })));
    expect(e.code).toBe('unreachable');
  });

  it('a slow answer → timeout, not retried', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })));
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(990);
    expect(seen).toHaveLength(1);
  });

  it('a body that stalls → timeout', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 50 });
      res.write('{"id":');
    };
    expect((await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })))).code).toBe('timeout');
  });

  it('the caller cancelling mid-request → cancelled, not timeout, not retried', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 5000 }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(seen).toHaveLength(1);
  });

  it('cancelling during a backoff wait stops at once', async () => {
    handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '2' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 10_000 } }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it('an already-cancelled call sends nothing', async () => {
    expect((await spaceErrorOf(getId(makeHttp(), { signal: AbortSignal.abort() }))).code).toBe('cancelled');
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
      const e = await spaceErrorOf(getId());
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
    const e = await spaceErrorOf(http.delete({ path: '/team-directory/profiles/me/permanent-tokens/current', op: 'revokeToken' }));
    expect(e.code).toBe('server');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'DELETE', url: '/api/http/team-directory/profiles/me/permanent-tokens/current' });
  });

  it('succeeds on an empty 200', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    await expect(makeHttp().delete({ path: '/x', op: 'revokeToken' })).resolves.toBeUndefined();
  });
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10];
const GIF = [...Buffer.from('GIF89a'), 1, 0];
const WEBP = [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')];

describe('bytes', () => {
  const IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
  const getAvatar = (http = makeHttp()) => http.getBytes({
    absolutePath: '/d/abc', maxBytes: 1024, accept: IMAGES.join(', '), contentTypes: IMAGES, op: 'avatar',
  });
  const picture = (contentType: string | null, bytes: number[] | string): Handler => (_req, res) => {
    res.writeHead(200, contentType === null ? {} : { 'content-type': contentType });
    res.end(typeof bytes === 'string' ? bytes : Buffer.from(bytes));
  };

  it('returns an image', async () => {
    handler = picture('image/png', PNG);
    const image = await getAvatar();
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes]).toEqual(PNG);
    expect(seen[0]?.url).toBe('/d/abc');
  });

  it.each([
    ['application/octet-stream', PNG, 'image/png'],
    [null, JPEG, 'image/jpeg'],
    ['image/png', GIF, 'image/gif'],
    ['binary/octet-stream', WEBP, 'image/webp'],
    ['image/jpeg; charset=binary', JPEG, 'image/jpeg'],
  ] as const)('labelled %j, the bytes say what it is', async (label, bytes, type) => {
    handler = picture(label, [...bytes]);
    expect((await getAvatar()).contentType).toBe(type);
  });

  it.each([
    ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['image/png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['image/png', '<!doctype html><html><body>Sign in</body></html>'],
    ['application/octet-stream', 'just bytes'],
    ['image/png', [0x89, 0x50, 0x4e, 0x47]],
    ['image/png', []],
  ] as const)('labelled %j, bytes that are no raster picture → not-image, not retried', async (label, body) => {
    handler = picture(label, typeof body === 'string' ? body : [...body]);
    expect(await spaceErrorOf(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'not-image', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('a recognised picture outside the allowed types → not-image', async () => {
    handler = picture('image/gif', GIF);
    const onlyPng = makeHttp().getBytes({ absolutePath: '/d/abc', maxBytes: 1024, accept: 'image/png', contentTypes: ['image/png'], op: 'avatar' });
    expect(await spaceErrorOf(onlyPng)).toMatchObject({ code: 'bad-response', reason: 'not-image' });
  });

  it('caps the size', async () => {
    handler = picture('image/png', [...PNG, ...new Array<number>(4096).fill(0)]);
    expect(await spaceErrorOf(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
  });
});

/**
 * Redirects, over real HTTP. Node's fetch and browsers differ: under `redirect:'error'` Node rejects with a
 * TypeError whose cause says "redirect", Chromium and Firefox with a bare TypeError ("Failed to fetch") —
 * indistinguishable from a dead network. `browserLike` passes every request to the real fetch and only
 * rethrows its failures the way a browser reports them.
 */
describe('redirects', () => {
  const browserLike: typeof fetch = async (input, init) => {
    try {
      return await globalThis.fetch(input, init);
    } catch {
      throw new TypeError('Failed to fetch');
    }
  };
  /**
   * What a browser hands back under `redirect:'manual'` (Fetch standard: an opaque-redirect filtered response,
   * type 'opaqueredirect', status 0). The real response underneath comes from the server.
   */
  const opaqueRedirects: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (response.status < 300 || response.status >= 400) return response;
    return new Proxy(response, {
      get: (target, prop) => (prop === 'type' ? 'opaqueredirect' : prop === 'status' ? 0 : Reflect.get(target, prop, target) as unknown),
    });
  };
  const redirectTo = (status: number): Handler => (_req, res) => {
    res.writeHead(status, { location: 'https://sso.example.com/login?next=/api/http/x' });
    res.end();
  };
  const getAvatar = (http: SpaceHttp) => http.getBytes({
    absolutePath: '/d/abc', maxBytes: 1024, accept: 'image/png', contentTypes: ['image/png'], op: 'avatar',
  });

  it.each([301, 302, 303, 307, 308])('%d on a JSON call in a browser → bad-response redirect, sent once', async (status) => {
    handler = redirectTo(status);
    const e = await spaceErrorOf(getId(makeHttp({ fetch: browserLike })));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    expect(english(e).message).toMatch(/redirected/);
    expect(seen).toHaveLength(1);
  });

  it.each([['Node', globalThis.fetch], ['a browser', browserLike], ['a browser (opaque redirect)', opaqueRedirects]] as const)(
    'an avatar redirected, in %s → bad-response redirect once, never unreachable', async (_engine, engineFetch) => {
      handler = redirectTo(302);
      const e = await spaceErrorOf(getAvatar(makeHttp({ fetch: engineFetch })));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(seen).toHaveLength(1);
    });

  describe('pictures follow redirects within the origin (issue 15, item 6)', () => {
    /** A second server: another origin, which must never see a request, with or without the token. */
    let elsewhereSeen: IncomingMessage['headers'][];
    const elsewhere = useScriptedServer((req, res) => {
      elsewhereSeen.push(req.headers);
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from(PNG));
    });
    beforeEach(() => {
      elsewhereSeen = [];
    });
    /**
     * A browser under `redirect:'follow', mode:'same-origin'`, as Chromium 156 behaves (e2e/avatars.e2e.ts): it
     * follows a redirect within the origin with the same headers, and refuses one to another origin with a bare
     * TypeError before sending anything. Under 'manual' it is `opaqueRedirects`.
     */
    const browserFollowing: typeof fetch = async (input, init) => {
      if (init?.redirect !== 'follow') return opaqueRedirects(input, init);
      expect(init.mode).toBe('same-origin');
      let url = String(input);
      for (let hop = 0; hop < 20; hop++) {
        const response = await globalThis.fetch(url, { ...init, redirect: 'manual' });
        if (response.status < 300 || response.status >= 400) {
          return new Proxy(response, {
            get: (target, prop) => (prop === 'url' ? url : prop === 'redirected' ? hop > 0 : Reflect.get(target, prop, target) as unknown),
          });
        }
        const next = new URL(response.headers.get('location') ?? '', url);
        if (next.origin !== new URL(url).origin) throw new TypeError('Failed to fetch');
        url = next.href;
      }
      throw new TypeError('Failed to fetch');
    };
    const getAvatarFollowing = (http: SpaceHttp) => http.getBytes({
      absolutePath: '/d/abc', maxBytes: 1024, accept: 'image/png', contentTypes: ['image/png'], op: 'avatar', redirects: 3,
    });
    const redirecting = (to: (n: number) => string): Handler => (req, res, n) => {
      if (req.url === '/d/abc/picture') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from(PNG));
        return;
      }
      res.writeHead(302, { location: to(n) });
      res.end();
    };

    it.each([['Node', globalThis.fetch], ['a browser', browserFollowing]] as const)(
      'in %s: a same-origin redirect is followed, with the token, to the real picture', async (_engine, engineFetch) => {
        handler = redirecting(() => '/d/abc/picture');
        const got = await getAvatarFollowing(makeHttp({ fetch: engineFetch }));
        expect(got.contentType).toBe('image/png');
        expect(seen.map((r) => r.url)).toEqual(['/d/abc', ...(engineFetch === browserFollowing ? ['/d/abc'] : []), '/d/abc/picture']);
        expect(seen.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      });

    it.each([['Node', globalThis.fetch], ['a browser', browserFollowing]] as const)(
      'in %s: a redirect to another origin is refused, and that origin is never asked', async (_engine, engineFetch) => {
        handler = redirecting(() => `${elsewhere.origin}/d/abc/picture`);
        const e = await spaceErrorOf(getAvatarFollowing(makeHttp({ fetch: engineFetch })));
        expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
        expect(elsewhereSeen).toEqual([]);
      });

    it('a same-origin redirect to another origin one hop later is refused too', async () => {
      handler = (req, res) => {
        res.writeHead(302, { location: req.url === '/d/abc' ? '/d/abc/step' : `${elsewhere.origin}/x` });
        res.end();
      };
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp()));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect', status: 302 });
      expect(seen.map((r) => r.url)).toEqual(['/d/abc', '/d/abc/step']);
      expect(elsewhereSeen).toEqual([]);
    });

    it('hops are limited: a redirect loop ends after the allowed number', async () => {
      handler = redirecting((n) => `/d/abc/${n}`);
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp()));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(seen).toHaveLength(4);
    });

    it('a browser that lands on another origin anyway is not believed', async () => {
      handler = redirecting(() => '/d/abc/picture');
      const landedElsewhere: typeof fetch = async (input, init) => {
        const response = await browserFollowing(input, init);
        if (init?.redirect !== 'follow') return response;
        return new Proxy(response, { get: (t, prop) => (prop === 'url' ? `${elsewhere.origin}/x` : Reflect.get(t, prop, t) as unknown) });
      };
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp({ fetch: landedElsewhere })));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    });

    it('JSON calls still follow no redirect', async () => {
      handler = redirecting(() => '/d/abc/picture');
      expect(await spaceErrorOf(getId(makeHttp()))).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(seen).toHaveLength(1);
    });
  });

  it('the opaque redirect of a browser carries no status', async () => {
    handler = redirectTo(307);
    const e = await spaceErrorOf(getId(makeHttp({ fetch: opaqueRedirects })));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    expect(e.status).toBeUndefined();
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
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })));
    // Every detail is in the JSON (own enumerable properties), and the English is built only from them.
    const { message, hint } = english(e);
    const everything = [e.message, message, hint, e.stack ?? '', JSON.stringify(e)].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('Bearer');
  });
});
