/**
 * The request core's redirects against a real HTTP server on 127.0.0.1: never followed for API calls; pictures
 * follow them within the origin only.
 */
import type { IncomingMessage } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SpaceHttp } from './http.ts';
import { describeSpaceError as english } from './test-support/describe.ts';
import { PNG, TOKEN, useScriptedHttp, type Handler } from './test-support/scripted-http.ts';
import { useScriptedServer } from './test-support/scripted-server.ts';
import { spaceErrorOf } from './test-support/space-error-of.ts';

const { state, makeHttp, getId } = useScriptedHttp();

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
    state.handler = redirectTo(status);
    const e = await spaceErrorOf(getId(makeHttp({ fetch: browserLike })));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    expect(english(e).message).toMatch(/redirected/);
    expect(state.seen).toHaveLength(1);
  });

  it.each([['Node', globalThis.fetch], ['a browser', browserLike], ['a browser (opaque redirect)', opaqueRedirects]] as const)(
    'an avatar redirected, in %s → bad-response redirect once, never unreachable', async (_engine, engineFetch) => {
      state.handler = redirectTo(302);
      const e = await spaceErrorOf(getAvatar(makeHttp({ fetch: engineFetch })));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(state.seen).toHaveLength(1);
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
        state.handler = redirecting(() => '/d/abc/picture');
        const got = await getAvatarFollowing(makeHttp({ fetch: engineFetch }));
        expect(got.contentType).toBe('image/png');
        expect(state.seen.map((r) => r.url)).toEqual(['/d/abc', ...(engineFetch === browserFollowing ? ['/d/abc'] : []), '/d/abc/picture']);
        expect(state.seen.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      });

    it.each([['Node', globalThis.fetch], ['a browser', browserFollowing]] as const)(
      'in %s: a redirect to another origin is refused, and that origin is never asked', async (_engine, engineFetch) => {
        state.handler = redirecting(() => `${elsewhere.origin}/d/abc/picture`);
        const e = await spaceErrorOf(getAvatarFollowing(makeHttp({ fetch: engineFetch })));
        expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
        expect(elsewhereSeen).toEqual([]);
      });

    it('a same-origin redirect to another origin one hop later is refused too', async () => {
      state.handler = (req, res) => {
        res.writeHead(302, { location: req.url === '/d/abc' ? '/d/abc/step' : `${elsewhere.origin}/x` });
        res.end();
      };
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp()));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect', status: 302 });
      expect(state.seen.map((r) => r.url)).toEqual(['/d/abc', '/d/abc/step']);
      expect(elsewhereSeen).toEqual([]);
    });

    it('hops are limited: a redirect loop ends after the allowed number', async () => {
      state.handler = redirecting((n) => `/d/abc/${n}`);
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp()));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(state.seen).toHaveLength(4);
    });

    it('a browser that lands on another origin anyway is not believed', async () => {
      state.handler = redirecting(() => '/d/abc/picture');
      const landedElsewhere: typeof fetch = async (input, init) => {
        const response = await browserFollowing(input, init);
        if (init?.redirect !== 'follow') return response;
        return new Proxy(response, { get: (t, prop) => (prop === 'url' ? `${elsewhere.origin}/x` : Reflect.get(t, prop, t) as unknown) });
      };
      const e = await spaceErrorOf(getAvatarFollowing(makeHttp({ fetch: landedElsewhere })));
      expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    });

    it('JSON calls still follow no redirect', async () => {
      state.handler = redirecting(() => '/d/abc/picture');
      expect(await spaceErrorOf(getId(makeHttp()))).toMatchObject({ code: 'bad-response', reason: 'redirect' });
      expect(state.seen).toHaveLength(1);
    });
  });

  it('the opaque redirect of a browser carries no status', async () => {
    state.handler = redirectTo(307);
    const e = await spaceErrorOf(getId(makeHttp({ fetch: opaqueRedirects })));
    expect(e).toMatchObject({ code: 'bad-response', reason: 'redirect' });
    expect(e.status).toBeUndefined();
  });
});
