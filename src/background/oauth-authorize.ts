/**
 * One run of the authorization code flow through the browser's auth window (`identity.launchWebAuthFlow`), shared by
 * the two callers so they can't drift apart: sign-in (interactive: Space's consent page in a window) and the silent
 * re-authorization of a sign-in Space gave no refresh token (not interactive: no window; Space redirects back at
 * once, or the browser gives up). Each run has its own PKCE verifier (S256) and state; the answer must be our
 * redirect URI carrying our state before its code is exchanged, once.
 */
import { authorizeUrl, parseRedirect } from '../space/oauth/authorize.ts';
import { OAuthError } from '../space/oauth/errors.ts';
import { createPkce, randomState } from '../space/oauth/pkce.ts';
import { OAUTH_SCOPE } from '../kinds/required-permissions.ts';
import { exchangeCode, type TokenSet } from '../space/oauth/token.ts';
import type { Deps, Platform } from './platform.ts';

export type Identity = NonNullable<Platform['identity']>;

/**
 * An interactive sign-in is under way in this worker. The browser runs one auth flow at a time (Chrome refuses a
 * second), so no silent run starts meanwhile: it could take the place of the window the user is waiting for.
 */
let signingIn = false;

export function isSigningIn(): boolean {
  return signingIn;
}

/** Runs an interactive sign-in; null when one is already running (the caller refuses the second). */
export async function whileSigningIn<T>(op: () => Promise<T>): Promise<T | null> {
  if (signingIn) return null;
  signingIn = true;
  try {
    return await op();
  } finally {
    signingIn = false;
  }
}

export interface AuthorizeRun {
  origin: string;
  clientId: string;
  interactive: boolean;
  /**
   * How long the browser may take to answer, when the caller can't wait for a person (the silent run: a search is
   * waiting for it). The browser's own run goes on; its late answer is dropped, its code never exchanged.
   */
  timeoutMs?: number;
  /** What to throw when `launchWebAuthFlow` rejects, given why it did. */
  launchFailed(why: LaunchRefusal, redirectUri: string): Promise<unknown> | unknown;
}

/**
 * Why `launchWebAuthFlow` rejected, read from its message (the browsers' wording [I]; the e2e suite sees Chromium's):
 * another flow is still running (Chrome "… only one web auth flow …"), Space's page could not be loaded ("Authorization
 * page could not be loaded.": Space out of reach), or anything else — the window closed (Chrome "The user did not
 * approve access.", Firefox "User cancelled or denied access."), or a silent run needs the user (Chrome "User
 * interaction required.", Firefox "Requires user interaction").
 */
export type LaunchRefusal = 'in-progress' | 'not-loaded' | 'other';

function launchRefusal(e: unknown): LaunchRefusal {
  const message = e instanceof Error ? e.message : String(e);
  if (/only one web auth flow/i.test(message)) return 'in-progress';
  if (/could not be loaded/i.test(message)) return 'not-loaded';
  return 'other';
}

export async function authorizeWithCode(deps: Deps, identity: Identity, run: AuthorizeRun): Promise<TokenSet> {
  const host = new URL(run.origin).host;
  const redirectUri = identity.getRedirectURL();
  const pkce = await createPkce();
  const state = randomState();
  const url = authorizeUrl({ origin: run.origin, clientId: run.clientId, redirectUri, scope: OAUTH_SCOPE, state, challenge: pkce.challenge });

  let answer: string;
  try {
    const flow = identity.launchWebAuthFlow({ url, interactive: run.interactive });
    answer = run.timeoutMs === undefined ? await flow : await withTimeout(flow, run.timeoutMs, host);
  } catch (e) {
    if (e instanceof OAuthError) throw e;
    throw await run.launchFailed(launchRefusal(e), redirectUri);
  }
  const { code } = parseRedirect(answer, state, run.origin, redirectUri);
  return exchangeCode({ origin: run.origin, clientId: run.clientId, code, redirectUri, verifier: pkce.verifier, now: deps.now });
}

function withTimeout<T>(promise: Promise<T>, ms: number, host: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OAuthError('timeout', { host })), ms);
  });
  // The loser's outcome is nobody's business: a late answer is dropped unread.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
