/**
 * LEAK-1/STO-1: a sentinel token goes through every request type, the lookup port, the omnibox and the
 * context menu, under every fault the demo server can inject plus a server that echoes the Authorization
 * header into its error bodies. Afterwards the token string must appear nowhere a page, a log or a URL could
 * see it: not in any answer or port message, console output, badge text or title, opened URL, or any storage
 * key other than its own. The same for the access and refresh tokens of "Sign in with Space" (last suite).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FaultSpec } from '../../scripts/demo-space/server.ts';
import { LOOKUP_PORT, type ConnectionStatus, type Request } from '../shared/protocol.ts';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, TOKEN_KEY } from './connection-store.ts';
import { forgetRefreshesInFlight } from './oauth-tokens.ts';
import { handleContextMenuClick, MENU_ID } from './context-menu.ts';
import { handleOmniboxEnter, handleOmniboxInput } from './omnibox.ts';
import { acceptLookupPort } from './search/port.ts';
import { createPortPair } from '../shared/test-support/fake-ports.ts';
import { createRig, type Rig } from './test-support/harness.ts';

const TOKEN = 'tok_SENTINEL_123';

let rig: Rig;
const seen: string[] = [];
const consoleOutput: string[] = [];
let echo: { url: string; close(): Promise<void> };

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  rig = await createRig({ server: { token: TOKEN } });

  // A hostile "Space" that echoes the request's Authorization header into every error body.
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const status = req.url?.includes('/profiles/me') ? 401 : req.url?.includes('/teams') ? 403 : 500;
    res.writeHead(status, { 'content-type': 'application/json', 'x-echo': auth });
    res.end(JSON.stringify({ error: 'permission-denied', error_description: `Denied for ${auth} (Project.View ${auth})` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  echo = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});

afterAll(async () => {
  await rig.close();
  await echo.close();
  vi.restoreAllMocks();
});

async function ask(message: Request) {
  const answer = await rig.ask(message);
  seen.push(JSON.stringify(answer));
  return answer;
}

async function lookup(query: string, filter: 'all' | 'person' | 'issue' = 'all') {
  const { client, server } = createPortPair(LOOKUP_PORT, rig.fake.popupSender());
  acceptLookupPort(server, rig.deps);
  client.postMessage({ type: 'search', id: 1, query, filter });
  const end = Date.now() + 8_000;
  while (!client.received.some((m) => (m as { type: string }).type !== 'group') && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 5));
  }
  seen.push(JSON.stringify(client.received));
  client.disconnect();
}

async function everyFlow() {
  await ask({ type: 'status' });
  await ask({ type: 'verify' });
  for (const [kind, id] of [['person', 'alex.demo'], ['project', 'ABC'], ['issue', 'ABC-T-131'], ['review', 'ABC-MR-29'],
    ['repository', 'ABC/backend'], ['team', 'nope'], ['location', 'nope']] as const) {
    await ask({ type: 'details', kind, id });
  }
  await ask({ type: 'avatar', id: 'tz9CwsboZxpp' });
  await ask({ type: 'projects', query: '' });
  await ask({ type: 'projects', query: 'orb' });
  await ask({ type: 'settings-get' });
  await lookup('jo');
  await lookup('ABC-T-131');
  await lookup('login', 'issue');
  const suggestions: unknown[] = [];
  await handleOmniboxInput(rig.deps, 'jo', (s) => suggestions.push(s));
  seen.push(JSON.stringify(suggestions));
  await handleOmniboxEnter(rig.deps, 'jo', 'newForegroundTab');
  await handleContextMenuClick(rig.deps, { menuItemId: MENU_ID, selectionText: 'ABC-T-131' });
  await handleContextMenuClick(rig.deps, { menuItemId: MENU_ID, selectionText: `jo ${TOKEN.slice(0, 3)}` });
}

const FAULTS: FaultSpec[] = [
  { status: 401 }, { status: 403, permission: 'Project.View' }, { status: 404 }, { status: 429, retryAfter: '1' },
  { status: 500 }, { status: 502 }, { status: 503, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' },
  { malformed: true }, { oversizedBytes: 3 * 1024 * 1024 }, { drop: true },
];

describe('sentinel token', () => {
  it('never leaks through any flow, fault or hostile server', async () => {
    await ask({ type: 'connect', url: rig.server.url, token: TOKEN, sessionOnly: false });
    await everyFlow();

    for (const fault of FAULTS) {
      rig.server.setFault('*', fault);
      rig.advance(60 * 60_000); // past every cache lifetime, so each flow really asks the server
      await everyFlow();
      rig.server.clearFaults();
      await ask({ type: 'verify' }); // a 401 marked the token rejected; this clears it for the next round
    }

    // Session-only round trip, and the hostile echo server (its origin is loopback, already granted).
    await ask({ type: 'connect', url: rig.server.url, token: TOKEN, sessionOnly: true });
    await everyFlow();
    await ask({ type: 'connect', url: echo.url, token: TOKEN, sessionOnly: false });
    await ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
    await ask({ type: 'forget', revoke: true });

    const answers = seen.join('\n');
    // The faults really were exercised (so the absence of the token means something).
    for (const code of ['unauthorized', 'forbidden', 'not-found', 'unsupported', 'rate-limited', 'server', 'bad-response', 'unreachable']) {
      expect(answers, code).toContain(`"code":"${code}"`);
    }
    expect(answers).not.toContain(TOKEN);
    expect(answers).not.toMatch(/authorization|bearer/i);

    expect(consoleOutput.join('\n')).not.toContain(TOKEN);

    const { badge, tabsCreated, tabsUpdated } = rig.fake.record;
    expect(`${badge.text} ${badge.title}`).not.toContain(TOKEN);
    expect(JSON.stringify([tabsCreated, tabsUpdated])).not.toContain(TOKEN);

    // Storage: the token only ever under its own key, never in sync.
    for (const area of [rig.fake.storage.local, rig.fake.storage.session]) {
      for (const write of area.writes) {
        const { [TOKEN_KEY]: _own, ...others } = write;
        expect(JSON.stringify(others)).not.toContain(TOKEN);
        expect(Object.keys(write).join()).not.toContain(TOKEN);
      }
    }
    expect(rig.fake.storage.sync.writes).toEqual([]);
    expect(rig.fake.storage.local.dump() + rig.fake.storage.session.dump()).not.toContain(TOKEN);
  }, 120_000);
});

/**
 * The cache key needs nothing derived from the token: the connection is named by a random id. After every
 * flow that writes storage, no key or value outside the token's own key holds a piece of the token, an
 * encoding of it, or a hash of it (alone or with the origin) — and every hash-looking string stored is one
 * of the random connection ids.
 */
describe('no derivative of the token in storage', () => {
  it('stores no substring, encoding or hash of the token outside its own key', async () => {
    const { createHash } = await import('node:crypto');
    const token = 'tQ7zVx9KpW2mRj4Yb8Nc';
    const r = await createRig({ server: { token } });
    try {
      const origin = r.server.url;
      const lookupOn = async (query: string, filter: 'all' | 'person' | 'issue' = 'all') => {
        const { client, server } = createPortPair(LOOKUP_PORT, r.fake.popupSender());
        acceptLookupPort(server, r.deps);
        client.postMessage({ type: 'search', id: 1, query, filter });
        const end = Date.now() + 8_000;
        while (!client.received.some((m) => (m as { type: string }).type !== 'group') && Date.now() < end) {
          await new Promise((res) => setTimeout(res, 5));
        }
        client.disconnect();
      };
      const ids = new Set<string>();
      const noteId = () => {
        const id = (r.fake.storage.local.snapshot().connection as { id?: string } | undefined)?.id;
        if (id) ids.add(id);
      };

      for (const sessionOnly of [false, true]) {
        await r.ask({ type: 'connect', url: origin, token, sessionOnly });
        noteId();
        await lookupOn('jo');
        await lookupOn('ABC-T-131');
        await lookupOn('NOPE-T-1');
        await lookupOn('login', 'issue');
        await r.ask({ type: 'avatar', id: 'tz9CwsboZxpp' });
        await r.ask({ type: 'details', kind: 'person', id: 'alex.demo' });
        await r.ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
        await r.ask({ type: 'verify' });
        await handleOmniboxInput(r.deps, 'ann', () => undefined);
        await handleContextMenuClick(r.deps, { menuItemId: MENU_ID, selectionText: 'jo' });
        r.server.setFault('*', { status: 401 });
        await lookupOn('rejected');
        r.server.clearFaults();
        await r.ask({ type: 'verify' });
      }
      expect(ids.size).toBe(2);

      // Everything ever written (keys and values), and what is stored now, minus the token's own key and
      // avatar images (base64 of image bytes).
      const texts: string[] = [];
      for (const area of [r.fake.storage.local, r.fake.storage.session]) {
        for (const write of area.writes) {
          const { [TOKEN_KEY]: _own, ...others } = write;
          texts.push(JSON.stringify(others));
        }
        const { [TOKEN_KEY]: _own, ...now } = area.snapshot();
        texts.push(JSON.stringify(now));
      }
      const stored = texts.join('\n').replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, 'data:image');
      expect(stored).toContain('"tokenLast4"'); // the flows really wrote the record (its last four are by design)
      const haystack = stored.replace(`"tokenLast4":"${token.slice(-4)}"`, '');
      const lower = haystack.toLowerCase();

      // Pieces of the token (5 characters and up; the last four are shown by design).
      for (let len = 5; len <= token.length; len++) {
        for (let i = 0; i + len <= token.length; i++) {
          expect(lower, `substring ${token.slice(i, i + len)}`).not.toContain(token.slice(i, i + len).toLowerCase());
        }
      }
      // Encodings and hashes of the token, alone and with the origin, in hex / base64 / base64url.
      const inputs = [token, `${origin}\n${token}`, `${origin}${token}`, `${token}\n${origin}`, `${origin}#${token}`];
      const encodings = (bytes: Buffer) => [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')];
      const derived: string[] = [...encodings(Buffer.from(token))];
      for (const input of inputs) {
        for (const algorithm of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
          derived.push(...encodings(createHash(algorithm).update(input).digest()));
        }
      }
      for (const d of derived) {
        for (let i = 0; i + 10 <= d.length; i += 2) {
          const piece = d.slice(i, i + 10);
          expect(haystack.includes(piece) || lower.includes(piece.toLowerCase()), `derivative piece ${piece}`).toBe(false);
        }
      }
      // Anything hash-looking that is stored is one of the random connection ids.
      const hexRuns = haystack.match(/[0-9a-f]{16,}/gi) ?? [];
      expect(hexRuns.length).toBeGreaterThan(0);
      for (const run of hexRuns) expect([...ids], run).toContain(run);
    } finally {
      await r.close();
    }
  }, 60_000);
});

/**
 * "Sign in with Space": every access and refresh token the demo server issued during every flow, every fault
 * (on the API and on /oauth/token alike, so refreshes fail in every way too), refreshes before expiry and on 401
 * "expired", a refused refresh ("sign in again"), session-only mode and sign-out. None may reach an answer, a port
 * message, the console, the badge, an opened URL, a request URL or a storage key other than its own; the refresh
 * token travels only in the body of POST /oauth/token, the access token only in the Authorization header.
 */
describe('sentinel OAuth tokens', () => {
  it('never leak through any flow, fault, refresh or sign-out', async () => {
    const outer = rig;
    const sent: { url: string; headers: string; body: string }[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      sent.push({ url, headers: JSON.stringify(init?.headers ?? {}), body: typeof init?.body === 'string' ? init.body : '' });
      return realFetch(input, init);
    });
    rig = await createRig();
    seen.length = 0;
    const signIn = async (sessionOnly = false) => {
      seen.push(JSON.stringify(await rig.ask({ type: 'oauth-start', url: rig.server.url, clientId: rig.server.oauthClientId, sessionOnly })));
    };
    const signInIfEnded = async () => {
      const status = await rig.ask<ConnectionStatus>({ type: 'status' });
      seen.push(JSON.stringify(status));
      if (!status.ok || status.value.auth !== 'ok') await signIn();
    };
    try {
      await signIn();
      await everyFlow();
      for (const fault of FAULTS) {
        rig.server.setFault('*', fault);
        rig.advance(60 * 60_000); // past the access token's expiry too: every flow refreshes, under the fault
        await everyFlow();
        rig.server.clearFaults();
        await ask({ type: 'verify' });
        await signInIfEnded();
      }
      // 401 "expired" from the server while the worker thinks the token fresh.
      rig.server.setAccessTokenTtl(1);
      await signIn();
      rig.server.setAccessTokenTtl(600);
      await new Promise((r) => setTimeout(r, 1_100));
      await everyFlow();
      // Refused refresh: sign in again.
      rig.server.revokeRefreshTokens();
      rig.advance(60 * 60_000);
      await everyFlow();
      await signIn(true);
      await everyFlow();
      await ask({ type: 'forget', revoke: true });

      const { accessTokens, refreshTokens } = rig.server.issuedOAuthTokens();
      expect(accessTokens.length).toBeGreaterThan(10);
      expect(refreshTokens.length).toBeGreaterThanOrEqual(3);
      const answers = seen.join('\n');
      // Refreshes really failed in these ways, and "sign in again" really happened.
      for (const code of ['sign-in-again', 'server', 'bad-response', 'unreachable']) expect(answers, code).toContain(`"code":"${code}"`);
      const { badge, tabsCreated, tabsUpdated } = rig.fake.record;
      const pageVisible = [answers, consoleOutput.join('\n'), badge.text, badge.title, JSON.stringify([tabsCreated, tabsUpdated])].join('\n');
      const urls = [...sent.map((s) => s.url), ...rig.server.requests.map((r) => `${r.path}?${JSON.stringify(r.query)}`)].join('\n');
      for (const secret of [...accessTokens, ...refreshTokens]) {
        expect(pageVisible).not.toContain(secret);
        expect(urls).not.toContain(secret);
      }
      for (const secret of refreshTokens) {
        for (const s of sent) {
          expect(s.headers).not.toContain(secret);
          if (s.body.includes(encodeURIComponent(secret))) expect(s.url).toBe(`${rig.server.url}/oauth/token`);
        }
      }
      for (const secret of accessTokens) {
        for (const s of sent) expect(s.body).not.toContain(secret);
      }
      // Storage: each token under its own key only (the access token inside its record), never in sync.
      for (const area of [rig.fake.storage.local, rig.fake.storage.session]) {
        for (const write of area.writes) {
          const { [REFRESH_TOKEN_KEY]: _refresh, [ACCESS_TOKEN_KEY]: access, ...others } = write;
          const text = JSON.stringify(others) + Object.keys(write).join();
          for (const secret of [...accessTokens, ...refreshTokens]) expect(text).not.toContain(secret);
          for (const secret of refreshTokens) expect(JSON.stringify(access ?? '')).not.toContain(secret);
        }
      }
      expect(rig.fake.storage.sync.writes).toEqual([]);
      // Signed out: nothing of either token is left.
      for (const secret of [...accessTokens, ...refreshTokens]) {
        expect(rig.fake.storage.local.dump() + rig.fake.storage.session.dump()).not.toContain(secret);
      }
    } finally {
      spy.mockRestore();
      forgetRefreshesInFlight();
      await rig.close();
      rig = outer;
    }
  }, 120_000);
});
