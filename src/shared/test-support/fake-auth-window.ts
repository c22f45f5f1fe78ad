/**
 * The window of `identity.launchWebAuthFlow` in the fake browser (fake-browser.ts), run against the real demo
 * server: what a user does on Space's consent page, or the silent load of `interactive: false`.
 */

/**
 * What the user does in the auth window of `identity.launchWebAuthFlow`: approve or deny on Space's consent page,
 * or close the window; or a function standing in for the whole window (it gets the URL, returns the final URL).
 */
export type AuthWindowAction = 'approve' | 'deny' | 'close' | ((url: string) => Promise<string>);

const NOT_APPROVED = 'The user did not approve access.';
const USER_INTERACTION_REQUIRED = 'User interaction required.';

/**
 * The auth window, driven against the real demo server: the consent page is fetched like the browser would, its
 * form posted with the chosen button, and the redirect to `redirectUri` (which the browser intercepts) is the
 * answer. A page that never redirects there (Space's error page) ends as the user closing the window does.
 */
export async function runAuthWindow(url: string, redirectUri: string, action: 'approve' | 'deny' | 'close'): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  const location = page.headers.get('location');
  if (location?.startsWith(redirectUri)) return location;
  if (page.status !== 200 || action === 'close') {
    await page.body?.cancel();
    throw new Error(NOT_APPROVED);
  }
  const html = await page.text();
  const form = /<form method="post" action="([^"]+)">/.exec(html);
  if (!form) throw new Error(NOT_APPROVED);
  const unescape = (v: string) => v.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1]!, unescape(m[2]!));
  fields.append('decision', action);
  const answer = await fetch(new URL(form[1]!, url), {
    method: 'POST', redirect: 'manual', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await answer.body?.cancel();
  const next = answer.headers.get('location');
  if (next?.startsWith(redirectUri)) return next;
  throw new Error(NOT_APPROVED);
}

/**
 * `launchWebAuthFlow({interactive: false})`: no window. Chrome loads the URL out of sight and resolves only if it
 * ends at the redirect URI without the user; a page that waits for the user rejects ("User interaction required.").
 */
export async function runSilently(url: string, redirectUri: string): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  await page.body?.cancel();
  const location = page.headers.get('location');
  if (location?.startsWith(redirectUri)) return location;
  throw new Error(USER_INTERACTION_REQUIRED);
}
