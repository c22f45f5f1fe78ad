/**
 * `avatar()` against a tiny real HTTP server (the demo server can't send redirects or mislabelled pictures):
 * the picture's type comes from its bytes, and a redirect is reported once as what it is.
 */
import type { ServerResponse } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSpaceClient } from './client.ts';
import { spaceErrorOf } from './test-support/space-error-of.ts';
import { useScriptedServer } from './test-support/scripted-server.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const answers: Record<string, (res: ServerResponse) => void> = {
  '/d/octet': (res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(PNG);
  },
  '/d/svg': (res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  },
  '/d/login': (res) => {
    res.writeHead(302, { location: 'https://sso.example.com/login?next=/d/login' });
    res.end();
  },
  // Same origin: followed (issue 15, item 6), and what is there is no picture.
  '/d/local-login': (res) => {
    res.writeHead(302, { location: '/login?next=/d/local-login' });
    res.end();
  },
  '/login?next=/d/local-login': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Sign in</body></html>');
  },
};

let paths: string[];
const local = useScriptedServer((req, res) => {
  paths.push(req.url ?? '');
  const answer = answers[req.url ?? ''];
  if (answer) answer(res);
  else {
    res.writeHead(404);
    res.end();
  }
});

beforeEach(() => {
  paths = [];
});

/** Passes every request to the real fetch; rethrows failures bare, as browsers do ("Failed to fetch"). */
const browserLike: typeof fetch = async (input, init) => {
  try {
    return await globalThis.fetch(input, init);
  } catch {
    throw new TypeError('Failed to fetch');
  }
};

const api = (fetchImpl: typeof fetch = globalThis.fetch) => createSpaceClient({
  origin: local.origin, token: 'tok', fetch: fetchImpl, retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10, totalBudgetMs: 2000 },
});

describe('avatar', () => {
  it('a PNG labelled application/octet-stream is a PNG', async () => {
    const image = await api().avatar('octet');
    expect(image.contentType).toBe('image/png');
    expect(Buffer.from(image.bytes)).toEqual(PNG);
  });

  it('SVG labelled image/png is refused as not-image', async () => {
    expect(await spaceErrorOf(api().avatar('svg'))).toMatchObject({ code: 'bad-response', reason: 'not-image' });
  });

  it.each([['Node', globalThis.fetch], ['a browser', browserLike]] as const)(
    'a redirect to another origin (a sign-in page) in %s → bad-response redirect, asked once', async (_engine, fetchImpl) => {
      const e = await spaceErrorOf(api(fetchImpl).avatar('login'));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(paths).toEqual(['/d/login']);
    });

  it('a redirect within the origin to a sign-in page is followed, and its page is no picture', async () => {
    const e = await spaceErrorOf(api(globalThis.fetch).avatar('local-login'));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'not-image' });
    expect(paths).toEqual(['/d/local-login', '/login?next=/d/local-login']);
  });
});
