/**
 * The request core against a real HTTP server on 127.0.0.1, scripted per test: the request it sends, every status
 * and error mapped to its code, retries. Bodies, network errors, pictures and the token: http-answers.test.ts;
 * redirects: http-redirects.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { queryString } from './http.ts';
import { describeSpaceError as english } from './test-support/describe.ts';
import { json, spaceError, TOKEN, useScriptedHttp, type Flags, type Handler } from './test-support/scripted-http.ts';
import { spaceErrorOf } from './test-support/space-error-of.ts';

const { state, local, makeHttp, getId } = useScriptedHttp();

describe('requests', () => {
  it('sends the token only in the Authorization header, with an explicit $fields', async () => {
    await expect(getId()).resolves.toBe('x');
    expect(state.seen).toHaveLength(1);
    const [request] = state.seen;
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

  it('never throws on a lone UTF-16 surrogate: it travels as U+FFFD, as links and paths do', () => {
    expect(queryString({ query: 'al\ud800' })).toBe('?query=al%EF%BF%BD');
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
    state.handler = (_req, res) => spaceError(res, 401, 'authentication-required', 'Invalid token');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'unauthorized', status: 401, host: new URL(local.origin).host, op: 'issue', subject: 'ABC-T-1' });
    expect(e.reason).toBeUndefined();
    expect(english(e).message).toContain('127.0.0.1');
    expect(english(e).hint).toMatch(/new personal token/);
    expect(state.seen).toHaveLength(1);
  });

  it('401 with the known expiry description says so', async () => {
    state.handler = (_req, res) => spaceError(res, 401, 'authentication-required', 'Access token has expired');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'unauthorized', reason: 'expired' });
    expect(english(e).message).toMatch(/expired/);
  });

  it('403 naming a permission code → forbidden with that permission', async () => {
    state.handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied: Project.Issues.View');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'forbidden', status: 403, permission: 'Project.Issues.View' });
    expect(english(e).message).toContain('“View issues” (Project.Issues.View)');
    expect(state.seen).toHaveLength(1);
  });

  it('403 naming a quoted permission → forbidden with that name', async () => {
    state.handler = (_req, res) => spaceError(res, 403, 'permission-denied', "You need the 'View issues' right");
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'forbidden', permission: 'View issues' });
  });

  it('403 without a permission → forbidden; the English hint names the documented one', async () => {
    state.handler = (_req, res) => spaceError(res, 403, 'permission-denied', 'Permission denied');
    const e = await spaceErrorOf(getId());
    expect(e.code).toBe('forbidden');
    expect(e.permission).toBeUndefined();
    expect(english(e).hint).toContain('Project.Issues.View');
  });

  it('404 with a Space not-found body → not-found', async () => {
    state.handler = (_req, res) => spaceError(res, 404, 'not-found', 'Issue not found');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'not-found', status: 404, op: 'issue', subject: 'ABC-T-1' });
    expect(english(e).message).toBe('Issue ABC-T-1 wasn\'t found on ' + new URL(local.origin).host + '.');
    expect(state.seen).toHaveLength(1);
  });

  it('an unexpected status without a Space body → bad-response', async () => {
    state.handler = (_req, res) => {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('teapot');
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', status: 418, reason: 'unexpected-status' });
  });

  it('429 with a long Retry-After → rate-limited at once, with the delay for the caller', async () => {
    state.handler = (_req, res) => spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': '120' });
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(english(e).hint).toContain('2 minutes');
    expect(state.seen).toHaveLength(1);
  });

  it('429 then success honours Retry-After (seconds) before retrying', async () => {
    state.handler = (_req, res, n) => (n === 1
      ? spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': '1' })
      : json(res, 200, { id: 'after-wait' }));
    const started = Date.now();
    await expect(getId()).resolves.toBe('after-wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(state.seen).toHaveLength(2);
  });

  it('429 with an HTTP-date Retry-After', async () => {
    state.handler = (_req, res, n) => (n === 1
      ? spaceError(res, 429, 'rate-limited', 'Too many requests', { 'retry-after': new Date(Date.now() - 5000).toUTCString() })
      : json(res, 200, { id: 'ok' }));
    await expect(getId()).resolves.toBe('ok');
    expect(state.seen).toHaveLength(2);
  });

  it('429 every time → rate-limited after the retries', async () => {
    state.handler = (_req, res) => spaceError(res, 429, 'rate-limited', 'Too many requests');
    const e = await spaceErrorOf(getId());
    expect(e.code).toBe('rate-limited');
    expect(e.retryAfterMs).toBeUndefined();
    expect(state.seen).toHaveLength(3);
  });

  it('500 then success → retried', async () => {
    state.handler = (_req, res, n) => (n === 1 ? spaceError(res, 500, 'internal-server-error', 'boom') : json(res, 200, { id: 'second' }));
    await expect(getId()).resolves.toBe('second');
    expect(state.seen).toHaveLength(2);
  });

  it.each([500, 502, 503, 504])('%d every time → server after 1 + 2 retries', async (status) => {
    state.handler = (_req, res) => spaceError(res, status, 'internal-server-error', 'boom');
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'server', status });
    expect(english(e).message).toContain(`HTTP ${status}`);
    expect(state.seen).toHaveLength(3);
  });

  it('501 is not transient → server without retries', async () => {
    state.handler = (_req, res) => spaceError(res, 501, 'internal-server-error', 'nope');
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'server', status: 501 });
    expect(state.seen).toHaveLength(1);
  });

  it('408 without a Space body → timeout, retried', async () => {
    state.handler = (_req, res, n) => {
      if (n > 1) return json(res, 200, { id: 'ok' });
      res.writeHead(408, { 'content-type': 'text/plain' });
      res.end('Request Timeout');
    };
    await expect(getId()).resolves.toBe('ok');
    expect(state.seen).toHaveLength(2);
  });

  it('the total budget bounds retries', async () => {
    state.handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '1' });
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ retry: { retries: 5, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 500 } })));
    expect(e.code).toBe('server');
    expect(state.seen).toHaveLength(1);
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
    state.handler = answer(status, body);
    const error = await spaceErrorOf(getId(makeHttp(), flags[kind]));
    expect(error).toMatchObject({ code, ...extra });
    expect(state.seen).toHaveLength(attempts);
  });

  it('a missing project under a search endpoint names the project', async () => {
    state.handler = answer(404, e('not-found'));
    const error = await spaceErrorOf(makeHttp().getJson({
      path: '/projects/key:NOPE/planning/issues', fields: 'next', query: { sorting: 'UPDATED', descending: true },
      op: 'searchIssues', subject: 'NOPE', on404: 'unsupported',
    }, (x) => x));
    expect(error).toMatchObject({ code: 'not-found', status: 404, op: 'searchIssues', subject: 'NOPE' });
    expect(english(error).message).toBe(`Project NOPE wasn't found on ${new URL(local.origin).host}.`);
  });

  it('invalid-request says what was refused, without Space\'s text or the token', async () => {
    state.handler = (_req, res) => spaceError(res, 400, 'validation-error', `Parameter 'state' is bad; token ${TOKEN}`);
    const error = await spaceErrorOf(getId());
    expect(error.code).toBe('invalid-request');
    const { message, hint } = english(error);
    expect(message).toBe(`${new URL(local.origin).host} refused our request as invalid while looking up issue ABC-T-1 (HTTP 400).`);
    expect(hint).toMatch(/Other lookups keep working/);
    expect([error.message, message, hint, JSON.stringify(error)].join(' ')).not.toMatch(/Parameter|state|tok_/);
  });

  it('reads a capped error body for every status: an oversized one counts as no Space body', async () => {
    state.handler = (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not-found', pad: 'x'.repeat(200 * 1024) }));
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'invalid-request', status: 400 });
  });
});
