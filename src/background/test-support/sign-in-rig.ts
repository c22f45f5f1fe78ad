/**
 * The worker's sign-in tests (src/background/oauth*.test.ts): a rig per test (worker, fake browser, demo server),
 * what they read of it, and the token requests they watch or hold.
 */
import { afterEach, expect, vi } from 'vitest';
import { authorizeUrl, parseRedirect } from '../../space/oauth/authorize.ts';
import { createPkce, randomState } from '../../space/oauth/pkce.ts';
import { exchangeCode } from '../../space/oauth/token.ts';
import { OAUTH_SCOPE } from '../../kinds/required-permissions.ts';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, type StoredAccessToken } from '../connection-store.ts';
import { useRig, type Rig } from './harness.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh rig for each test (`rig`), closed after it, and what the tests read of it. */
export function useSignInRig() {
  const rigs = useRig();
  // Registered after useRig's hooks, so it runs before the rig is closed (after-hooks run last-registered first).
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const rig = (): Rig => rigs.current;
  return {
    rig,
    /** See RigPerTest.replace: a rig of other options (a server with other OAuth apps) for the rest of the test. */
    replace: rigs.replace,
    tokenRequests: () => rig().server.requests.filter((r) => r.path === '/oauth/token'),
    apiRequests: () => rig().server.requests.filter((r) => r.path.startsWith('/api/http/')),
    storedAccess: () => rig().fake.storage.session.snapshot()[ACCESS_TOKEN_KEY] as StoredAccessToken | undefined,
    storedRefresh: () => rig().fake.storage.local.snapshot()[REFRESH_TOKEN_KEY] as string | undefined,
    /** A request the options page's scope chooser makes: one authenticated API call through `callSpace`. */
    projects: () => rig().ask<{ key: string }[]>({ type: 'projects', query: '' }),
  };
}

/** The form of every `/oauth/token` request from now on, as sent (the demo server's log has no bodies). */
export function tokenRequestBodies(): Record<string, string>[] {
  const realFetch = globalThis.fetch;
  const bodies: Record<string, string>[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/oauth/token')) bodies.push(Object.fromEntries(new URLSearchParams(String(init?.body))));
    return realFetch(input, init);
  });
  return bodies;
}

/**
 * Another browser signs in with the demo's consent page (Approve) and exchanges the code: the one refresh token Space
 * issues for this application and user goes there. Returns it.
 */
export async function otherBrowserSignsIn(rig: Rig): Promise<string> {
  const { verifier, challenge } = await createPkce();
  const state = randomState();
  const redirectUri = 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/';
  const url = authorizeUrl({ origin: rig.server.url, clientId: rig.server.oauthClientId, redirectUri, scope: OAUTH_SCOPE, state, challenge });
  const html = await (await fetch(url)).text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.append(m[1]!, m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))));
  form.set('decision', 'approve');
  const answer = await fetch(`${rig.server.url}/oauth/auth/decision`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  const { code } = parseRedirect(answer.headers.get('location')!, state, rig.server.url, redirectUri);
  const tokens = await exchangeCode({ origin: rig.server.url, clientId: rig.server.oauthClientId, code, redirectUri, verifier });
  expect(tokens.refreshToken).not.toBeNull();
  return tokens.refreshToken!;
}

/**
 * Holds the next `count` requests to /oauth/token (they reach the server only on `release()`); `held()` counts
 * them: a refresh in flight that the test controls.
 */
export function holdTokenRequests(count: number): { release: () => void; held: () => number } {
  const realFetch = globalThis.fetch;
  let gate: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => { gate = resolve; });
  let left = count;
  let held = 0;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (left > 0 && url.endsWith('/oauth/token')) {
      left -= 1;
      held += 1;
      await opened;
    }
    return realFetch(input, init);
  });
  return { release: () => gate(), held: () => held };
}
