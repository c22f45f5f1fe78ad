/**
 * English for an OAuthError, for Node callers (tests, demo tools) and as the reference wording for the
 * extension's `_locales` strings. Like src/space/test-support/describe.ts, the service worker should not import it: pages word errors
 * from the code and details. Only our own words, the host, the HTTP status and a known OAuth error code are used.
 */
import type { OAuthErrorCode, OAuthErrorDetails } from './errors.ts';

export interface OAuthErrorDescription {
  /** What happened. */
  message: string;
  /** What the user (or the administrator) can do about it. */
  hint: string;
}

const SIGN_IN_AGAIN = 'Sign in with Space again from Options.';
const APP_SETTINGS = 'In Space, open Extensions → Installed → the application → Authentication';

export function describeOAuthError(e: { code: OAuthErrorCode } & OAuthErrorDetails): OAuthErrorDescription {
  const host = e.host ?? 'Space';
  const http = e.status === undefined ? '' : ` (HTTP ${e.status})`;
  const d = (message: string, hint: string): OAuthErrorDescription => ({ message, hint });
  switch (e.code) {
    case 'state-mismatch':
      return d("The sign-in answer didn't belong to this sign-in (it may be stale or forged), so it was ignored.", SIGN_IN_AGAIN);
    case 'access-denied':
      return d(`Access was not approved in ${host}.`, 'Sign in again and approve access, or connect with a personal token instead.');
    case 'invalid-client':
      return d(`${host} doesn't know this client ID.`,
        'Copy the client ID from the application in Space (Extensions → Installed → the application → Authentication), or ask your administrator.');
    case 'redirect-uri-mismatch':
      return d(`${host} doesn't accept the extension's redirect URI for this application.`,
        `${APP_SETTINGS}, and add the redirect URI shown in Options under Authorization Code Flow → Redirect URIs.`);
    case 'pkce-required':
      return d(`${host} won't let the extension finish signing in without a client secret${http}.`,
        `${APP_SETTINGS}: enable Authorization Code Flow with "Require PKCE" and "Allow public (untrusted) clients".`);
    case 'invalid-grant':
      return d(`${host} refused the sign-in code: it expired, was already used, or didn't match this sign-in.`, SIGN_IN_AGAIN);
    case 'invalid-scope':
      return d(`${host} refused the permissions the extension asks for.`,
        'Ask an administrator to let the application read profiles, teams, locations, projects, issues, code reviews and repositories.');
    case 'invalid-request':
      return d(`${host} refused the extension's sign-in request as invalid${http}.`,
        'Your Space version may expect a different request. Personal tokens keep working; please report this.');
    case 'authorize-failed':
      return d(`${host} couldn't start signing in${e.oauthError === undefined ? '' : ` (${e.oauthError})`}.`,
        'Check the Space address and the client ID, then sign in again.');
    case 'refresh-revoked':
      return d(`Your sign-in to ${host} has ended: it was revoked or has expired.`, SIGN_IN_AGAIN);
    case 'clock-skew':
      return d(`${host} issued a sign-in that had already expired: its clock and this computer's disagree.`,
        "Check this computer's date, time and time zone (and ask your administrator to check the Space server's), then sign in again.");
    case 'server':
      return d(`${host} had a problem while signing in${http}.`, 'Try again in a moment. You stay signed in.');
    case 'unreachable':
      return d(`Can't reach ${host} to sign in.`, 'Check your network connection (and VPN), and the Space address.');
    case 'timeout':
      return d(`${host} didn't answer in time while signing in.`, 'Try again in a moment.');
    case 'cancelled':
      return d('Signing in was cancelled.', 'Start again when you are ready.');
    case 'bad-response':
      return e.reason === 'html'
        ? d(`${host} answered the sign-in with a web page instead of Space's answer.`, 'Check that the address points to Space itself, not to a proxy or login page in front of it.')
        : d(`${host} sent a sign-in answer the extension doesn't understand${http}.`, 'Check that the address is your Space server. If it is, please report this.');
  }
}
