/**
 * The request core against a real HTTP server on 127.0.0.1, scripted per test: bodies (caps, HTML, JSON), network
 * errors, timeouts and cancellation, DELETE, pictures, and the token never leaking into an error (redirects:
 * http-redirects.test.ts).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeSpaceError as english } from './test-support/describe.ts';
import { GIF, JPEG, json, PNG, spaceError, TOKEN, useScriptedHttp, WEBP, type Handler } from './test-support/scripted-http.ts';
import { spaceErrorOf } from './test-support/space-error-of.ts';

const { state, local, makeHttp, getId } = useScriptedHttp();

describe('bodies', () => {
  it('malformed JSON → bad-response, not retried', async () => {
    state.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "x", ');
    };
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'not-json' });
    expect(state.seen).toHaveLength(1);
  });

  it('an HTML page (SSO proxy) → bad-response html', async () => {
    state.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Sign in</body></html>');
    };
    const e = await spaceErrorOf(getId());
    expect(e).toMatchObject({ code: 'bad-response', reason: 'html' });
    expect(english(e).hint).toMatch(/sign-in page or proxy/);
  });

  it('a wrong shape → bad-response naming the field, not retried', async () => {
    state.handler = (_req, res) => json(res, 200, { title: 'no id' });
    expect(await spaceErrorOf(getId())).toMatchObject({ code: 'bad-response', reason: 'shape:$.id', status: 200 });
    expect(state.seen).toHaveLength(1);
  });

  it('a declared Content-Length over the cap → bad-response too-large', async () => {
    state.handler = (_req, res) => {
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
    state.handler = (_req, res) => {
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
    state.handler = (_req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.write('{"id":');
        setTimeout(() => res.socket?.destroy(), 10);
      } else {
        json(res, 200, { id: 'whole' });
      }
    };
    await expect(getId()).resolves.toBe('whole');
    expect(state.seen).toHaveLength(2);
  });
});

describe('network failures, timeouts and cancellation', () => {
  it('a dropped connection → unreachable after retries, naming the host', async () => {
    state.handler = (req) => req.socket.destroy();
    const e = await spaceErrorOf(getId());
    expect(e.code).toBe('unreachable');
    expect(e.host).toBe(new URL(local.origin).host);
    expect(english(e).message).toBe(`Can't reach ${new URL(local.origin).host}.`);
    expect(state.seen).toHaveLength(3);
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
    state.handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })));
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(990);
    expect(state.seen).toHaveLength(1);
  });

  it('a body that stalls → timeout', async () => {
    state.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 50 });
      res.write('{"id":');
    };
    expect((await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })))).code).toBe('timeout');
  });

  it('the caller cancelling mid-request → cancelled, not timeout, not retried', async () => {
    state.handler = (_req, res) => setTimeout(() => json(res, 200, { id: 'late' }), 1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 5000 }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(state.seen).toHaveLength(1);
  });

  it('cancelling during a backoff wait stops at once', async () => {
    state.handler = (_req, res) => spaceError(res, 503, 'internal-server-error', 'down', { 'retry-after': '2' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const e = await spaceErrorOf(getId(makeHttp({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20, totalBudgetMs: 10_000 } }), { signal: controller.signal }));
    expect(e.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(state.seen).toHaveLength(1);
  });

  it('an already-cancelled call sends nothing', async () => {
    expect((await spaceErrorOf(getId(makeHttp(), { signal: AbortSignal.abort() }))).code).toBe('cancelled');
    expect(state.seen).toHaveLength(0);
  });

  it('a redirect is not followed: bad-response, and the target never sees the token', async () => {
    const targetSeen: IncomingMessage['headers'][] = [];
    const target = createServer((req, res) => {
      targetSeen.push(req.headers);
      json(res, 200, { id: 'elsewhere' });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/api/http/x`;
    state.handler = (_req, res) => {
      res.writeHead(302, { location: targetUrl });
      res.end();
    };
    try {
      const e = await spaceErrorOf(getId());
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(targetSeen).toHaveLength(0);
      expect(state.seen).toHaveLength(1);
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

describe('DELETE', () => {
  it('is sent once and never retried', async () => {
    state.handler = (_req, res) => spaceError(res, 500, 'internal-server-error', 'boom');
    const http = makeHttp();
    const e = await spaceErrorOf(http.delete({ path: '/team-directory/profiles/me/permanent-tokens/current', op: 'revokeToken' }));
    expect(e.code).toBe('server');
    expect(state.seen).toHaveLength(1);
    expect(state.seen[0]).toMatchObject({ method: 'DELETE', url: '/api/http/team-directory/profiles/me/permanent-tokens/current' });
  });

  it('succeeds on an empty 200', async () => {
    state.handler = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    await expect(makeHttp().delete({ path: '/x', op: 'revokeToken' })).resolves.toBeUndefined();
  });
});

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
    state.handler = picture('image/png', PNG);
    const image = await getAvatar();
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes]).toEqual(PNG);
    expect(state.seen[0]?.url).toBe('/d/abc');
  });

  it.each([
    ['application/octet-stream', PNG, 'image/png'],
    [null, JPEG, 'image/jpeg'],
    ['image/png', GIF, 'image/gif'],
    ['binary/octet-stream', WEBP, 'image/webp'],
    ['image/jpeg; charset=binary', JPEG, 'image/jpeg'],
  ] as const)('labelled %j, the bytes say what it is', async (label, bytes, type) => {
    state.handler = picture(label, [...bytes]);
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
    state.handler = picture(label, typeof body === 'string' ? body : [...body]);
    expect(await spaceErrorOf(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'not-image', status: 200 });
    expect(state.seen).toHaveLength(1);
  });

  it('a recognised picture outside the allowed types → not-image', async () => {
    state.handler = picture('image/gif', GIF);
    const onlyPng = makeHttp().getBytes({ absolutePath: '/d/abc', maxBytes: 1024, accept: 'image/png', contentTypes: ['image/png'], op: 'avatar' });
    expect(await spaceErrorOf(onlyPng)).toMatchObject({ code: 'bad-response', reason: 'not-image' });
  });

  it('caps the size', async () => {
    state.handler = picture('image/png', [...PNG, ...new Array<number>(4096).fill(0)]);
    expect(await spaceErrorOf(getAvatar())).toMatchObject({ code: 'bad-response', reason: 'too-large' });
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
    state.handler = fault;
    const e = await spaceErrorOf(getId(makeHttp({ timeoutMs: 150 })));
    // Every detail is in the JSON (own enumerable properties), and the English is built only from them.
    const { message, hint } = english(e);
    const everything = [e.message, message, hint, e.stack ?? '', JSON.stringify(e)].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('Bearer');
  });
});
