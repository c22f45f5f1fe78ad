/**
 * The check pages make before opening or copying a link. On its own (not in web-urls.ts) so the popup's
 * first-paint bundle carries only this, not the link builders the worker and the options page use.
 */

/** For pages that open links: true only for a plain http(s) URL on exactly the configured origin. */
export function isSameOriginUrl(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:')
      && u.username === '' && u.password === ''
      && u.origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
