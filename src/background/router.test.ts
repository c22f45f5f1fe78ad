import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CLIENT_ID, startDemoServer, type DemoServer } from '../../scripts/demo-space/server.ts';
import { ALL_KINDS } from '../shared/kinds.ts';
import { LIMITS, type Request } from '../shared/protocol.ts';
import { originPattern } from '../space/base-url.ts';
import { createSpaceClient } from '../space/client.ts';
import { SpaceError } from '../space/errors.ts';
import { saveConnection } from './connection-store.ts';
import { handlers as realHandlers } from './handlers/index.ts';
import type { Deps } from './platform.ts';
import { createRouter, type Handlers, type RequestContext } from './router.ts';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';

const TOKEN = 'tok_SENTINEL_123';

function stubHandlers(impl: (type: string) => Promise<unknown>) {
  const calls: string[] = [];
  const handlers = Object.fromEntries(Object.keys(realHandlers).map((type) => [type, async () => {
    calls.push(type);
    return impl(type);
  }])) as unknown as Handlers;
  return { handlers, calls };
}

function depsFor(fake: ReturnType<typeof createFakeBrowser>): Deps {
  return { platform: fake.platform, createClient: () => { throw new Error('unused'); }, now: () => 0 };
}

describe('router', () => {
  it('dispatches a valid message from our page and wraps the value', async () => {
    const fake = createFakeBrowser();
    const { handlers, calls } = stubHandlers(async () => 'value');
    const route = createRouter(handlers, depsFor(fake));
    expect(await route({ type: 'settings-get' }, fake.popupSender())).toEqual({ ok: true, value: 'value' });
    expect(calls).toEqual(['settings-get']);
  });

  it('answers bad-request for a foreign sender or a malformed message, without calling a handler', async () => {
    const fake = createFakeBrowser();
    const { handlers, calls } = stubHandlers(async () => 'value');
    const route = createRouter(handlers, depsFor(fake));
    const answers = await Promise.all([
      route({ type: 'status' }, { id: 'other', origin: 'chrome-extension://other' }),
      route({ type: 'status' }, { id: fake.id, tab: { id: 3 }, url: `${fake.origin}/src/options/index.html` }),
      route({ type: 'status' }, { ...fake.popupSender(), frameId: 2 }),
      route({ type: 'status', x: 1 }, fake.popupSender()),
      route({ type: 'constructor' }, fake.popupSender()),
      route(undefined, fake.popupSender()),
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
  });

  it('maps a SpaceError to its code and details, with no prose (pages word it)', async () => {
    const fake = createFakeBrowser();
    const details = { host: 'space.example.com', op: 'team', subject: 'T1', permission: 'Team.View', status: 403 } as const;
    const { handlers } = stubHandlers(async () => {
      throw new SpaceError('forbidden', details);
    });
    const answer = await createRouter(handlers, depsFor(fake))({ type: 'status' }, fake.popupSender());
    expect(answer).toStrictEqual({ ok: false, error: { code: 'forbidden', ...details } });
  });

  it('never passes on the text of other errors (it might hold a URL or a token)', async () => {
    const fake = createFakeBrowser();
    for (const thrown of [new TypeError(`fetch https://x/?token=${TOKEN}`), TOKEN, null, { message: TOKEN }]) {
      const { handlers } = stubHandlers(async () => { throw thrown; });
      const answer = await createRouter(handlers, depsFor(fake))({ type: 'status' }, fake.popupSender());
      expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(answer)).not.toContain(TOKEN);
    }
  });

  it('accepts our options page in a tab (the browser vouches with our origin)', async () => {
    const fake = createFakeBrowser();
    const { handlers, calls } = stubHandlers(async () => 1);
    const route = createRouter(handlers, depsFor(fake));
    const answer = await route({ type: 'status' }, { id: fake.id, origin: fake.origin, tab: { id: 4 }, frameId: 0, url: `${fake.origin}/src/options/index.html` });
    expect(answer.ok).toBe(true);
    expect(calls).toEqual(['status']);
  });
});

describe('router fuzz over the real handlers and the demo server', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ token: TOKEN });
  });
  afterAll(async () => {
    await server.close();
  });

  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const OWN = `chrome-extension://${ID}`;

  /** Built inside the test: the demo server's URL is known only then. */
  function arbitraries(serverUrl: string) {
    const internalSender = fc.constantFrom<Record<string, unknown>>(
      { id: ID, origin: OWN, url: `${OWN}/src/popup/index.html` },
      { id: ID, origin: OWN, tab: { id: 1 }, frameId: 0 },
      { id: ID, url: `${OWN}/src/popup/index.html` },
    );
    const hostileSender = fc.oneof(
      fc.record({ id: fc.string(), origin: fc.constant(OWN) }),
      fc.record({ id: fc.constant(ID), origin: fc.webUrl() }),
      fc.record({ id: fc.constant(ID), tab: fc.record({ id: fc.nat() }), url: fc.constant(`${OWN}/src/popup/index.html`) }),
      fc.record({ id: fc.constant(ID), origin: fc.constant(OWN), frameId: fc.integer({ min: 1 }) }),
      fc.anything(),
    );
    const shortString = fc.string({ maxLength: 30 });
    const validRequest: fc.Arbitrary<Request> = fc.oneof(
      fc.constant({ type: 'status' } as const),
      fc.constant({ type: 'verify' } as const),
      fc.constant({ type: 'settings-get' } as const),
      fc.record({ type: fc.constant('forget' as const), revoke: fc.constant(false) }),
      fc.record({ type: fc.constant('details' as const), kind: fc.constantFrom(...ALL_KINDS), id: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ type: fc.constant('avatar' as const), id: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ type: fc.constant('projects' as const), query: shortString }),
      fc.record({ type: fc.constant('connect' as const), url: fc.oneof(fc.webUrl(), fc.constant(serverUrl), shortString), token: fc.string({ minLength: 1, maxLength: 40 }), sessionOnly: fc.boolean() }),
      // "Sign in with Space" through the fake auth window (approve) and the demo's OAuth server.
      fc.record({ type: fc.constant('oauth-start' as const), url: fc.oneof(fc.webUrl(), fc.constant(serverUrl), shortString), clientId: fc.oneof(fc.constant(DEMO_CLIENT_ID), fc.string({ minLength: 1, maxLength: 40 })), sessionOnly: fc.boolean() }),
      fc.constant({ type: 'policy' } as const),
    );
    const invalidMessage = fc.oneof(
      fc.anything(),
      validRequest.chain((r) => fc.record({ k: fc.string(), v: fc.anything() }).map(({ k, v }) => ({ ...r, [`x_${k}`]: v }))),
      fc.record({ type: fc.constantFrom('__proto__', 'constructor', 'toString', 'search', 'fetch'), url: fc.webUrl() }),
      fc.record({ type: fc.constant('projects'), query: fc.string({ minLength: LIMITS.query + 1, maxLength: LIMITS.query + 5 }) }),
    );
    return { internalSender, hostileSender, validRequest, invalidMessage };
  }

  it('never throws; acts only for our pages with valid messages; never answers with the token', async () => {
    const fake = createFakeBrowser({ id: ID });
    fake.grant(originPattern(server.url));
    await saveConnection(fake.platform, { origin: server.url, token: TOKEN, identity: { name: 'A', username: 'a' }, sessionOnly: false, now: 0 });
    const fetchSpy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const handlerCalls: string[] = [];
    const handlers = Object.fromEntries(Object.entries(realHandlers).map(([type, h]) => [type, (req: never, deps: Deps, ctx: RequestContext) => {
      handlerCalls.push(type);
      return (h as (r: never, d: Deps, c: RequestContext) => Promise<unknown>)(req, deps, ctx);
    }])) as unknown as Handlers;
    const deps: Deps = {
      platform: fake.platform,
      createClient: (o) => createSpaceClient({ ...o, fetch: fetchSpy as typeof fetch, retry: { retries: 0 }, timeoutMs: 3_000 }),
      now: () => 0,
    };
    const route = createRouter(handlers, deps);
    const { internalSender, hostileSender, validRequest, invalidMessage } = arbitraries(server.url);

    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.record({ sender: internalSender, message: validRequest, expectAction: fc.constant(true) }),
        fc.record({ sender: hostileSender, message: fc.oneof(validRequest, invalidMessage), expectAction: fc.constant(false) }),
        fc.record({ sender: internalSender, message: invalidMessage, expectAction: fc.constant(false) }),
      ),
      async ({ sender, message, expectAction }) => {
        fetchSpy.mockClear();
        handlerCalls.length = 0;
        const writesBefore = fake.storage.local.writes.length + fake.storage.session.writes.length;
        const answer = await route(message, sender);

        expect(typeof answer.ok).toBe('boolean');
        expect(JSON.stringify(answer)).not.toContain(TOKEN);
        const { accessTokens, refreshTokens } = server.issuedOAuthTokens();
        for (const secret of [...accessTokens, ...refreshTokens]) expect(JSON.stringify(answer)).not.toContain(secret);
        if (!expectAction) {
          expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
          expect(handlerCalls).toEqual([]);
          expect(fetchSpy).not.toHaveBeenCalled();
          expect(fake.storage.local.writes.length + fake.storage.session.writes.length).toBe(writesBefore);
        } else {
          expect(handlerCalls).toHaveLength(1);
        }
        // Whatever happened, the token is stored under its own key only (or gone, after a forget).
        const { token, refreshToken: _refresh, ...rest } = fake.storage.local.snapshot();
        expect([undefined, TOKEN]).toContain(token);
        expect(JSON.stringify(rest) + fake.storage.session.dump() + fake.storage.sync.dump()).not.toContain(TOKEN);
        if (token === undefined) {
          await saveConnection(fake.platform, { origin: server.url, token: TOKEN, identity: { name: 'A', username: 'a' }, sessionOnly: false, now: 0 });
        }
        // Forget and failed connects give the host access back (host-access.test.ts): grant it again.
        fake.grant(originPattern(server.url));
      },
    ), { numRuns: 400 });
    expect(server.requests.length).toBeGreaterThan(0);
  });
});
