/**
 * Sign in with Space against the demo server, for the tests of src/space/oauth/: its consent page driven like the
 * browser would, a full sign-in, and a check that no OAuthError ever carries a secret a test saw.
 */
import { expect } from 'vitest';
import type { DemoServer } from '../../../scripts/demo-space/server.ts';
import { useDemoServer } from '../../../scripts/demo-space/use-demo-server.ts';
import { authorizeUrl, parseRedirect } from '../oauth/authorize.ts';
import { describeOAuthError } from '../oauth/describe.ts';
import { OAuthError } from '../oauth/errors.ts';
import { createPkce, randomState } from '../oauth/pkce.ts';
import { exchangeCode, type TokenSet } from '../oauth/token.ts';

export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** A scope like the extension's (the extension's own is the kinds' permissions: src/kinds/required-permissions.ts). */
export const OAUTH_SCOPE = 'global:Profile.View global:Profile.WorkingDays.View global:Profile.Locations.View global:Profile.Absences.View '
  + 'global:Locations.View global:Team.View global:Project.View global:Project.Issues.View global:Project.CodeReview.View '
  + 'global:VcsRepository.Read global:Channel.ViewChannel global:Article.View';
export const CONFIDENTIAL = { clientId: 'confidential-app', name: 'Server app', redirectUris: [REDIRECT], publicClients: false, clientSecret: 's3cret' };

/** The demo server (with a confidential application too) and the helpers that drive its sign-in. */
export function useOAuthDemo() {
  /** Every secret a test saw; no error may ever carry one. */
  const secrets = new Set<string>();
  const demo = useDemoServer({ oauthApps: [CONFIDENTIAL] });
  const current = (): DemoServer => demo.current;

  /** The OAuthError a call fails with, checked to hold no secret anywhere (fields, message, English text). */
  async function oauthErrorOf(pending: Promise<unknown> | (() => unknown)): Promise<OAuthError> {
    try {
      await (typeof pending === 'function' ? pending() : pending);
    } catch (e) {
      expect(e).toBeInstanceOf(OAuthError);
      const error = e as OAuthError;
      const visible = JSON.stringify({ fields: { ...error }, message: error.message, english: describeOAuthError(error) });
      for (const secret of secrets) expect(visible).not.toContain(secret);
      return error;
    }
    throw new Error('expected the call to fail');
  }

  /** Drives the demo's consent page like the browser would: GET the page, POST Approve (or Deny); the redirect's URL. */
  async function consent(url: string, decision: 'approve' | 'deny' = 'approve'): Promise<string> {
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.append(m[1] as string, (m[2] as string).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))));
    }
    form.set('decision', decision);
    const answer = await fetch(`${current().url}/oauth/auth/decision`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
    });
    expect(answer.status).toBe(302);
    return answer.headers.get('location') as string;
  }

  /** A full sign-in against the demo server: authorize URL → consent → redirect → exchange. */
  async function signIn(clientId = current().oauthClientId): Promise<{ tokens: TokenSet; code: string; verifier: string }> {
    const { verifier, challenge } = await createPkce();
    const state = randomState();
    const redirected = await consent(authorizeUrl({ origin: current().url, clientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, state, challenge }));
    const { code } = parseRedirect(redirected, state, current().url);
    secrets.add(code).add(verifier);
    const tokens = await exchangeCode({ origin: current().url, clientId, code, redirectUri: REDIRECT, verifier });
    secrets.add(tokens.accessToken);
    if (tokens.refreshToken) secrets.add(tokens.refreshToken);
    return { tokens, code, verifier };
  }

  /** Up to the code, for tests of the exchange. */
  async function codeFor(clientId = current().oauthClientId): Promise<{ code: string; verifier: string }> {
    const { verifier, challenge } = await createPkce();
    const state = randomState();
    const redirected = await consent(authorizeUrl({ origin: current().url, clientId, redirectUri: REDIRECT, scope: OAUTH_SCOPE, state, challenge }));
    const { code } = parseRedirect(redirected, state);
    secrets.add(code).add(verifier);
    return { code, verifier };
  }

  return { demo, secrets, oauthErrorOf, consent, signIn, codeFor };
}
