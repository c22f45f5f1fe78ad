/**
 * "Open in Space" links (space-api.md §7). They are always built from ids and keys against the
 * configured origin, each piece passed through encodeURIComponent, never copied from a response,
 * so a link can't point anywhere but the user's own Space. Each kind builds its own (`src/kinds/<kind>/
 * web-url.ts`) with these two; the pages here are the ones every kind and the connection share.
 */
import { encodeComponent } from './uri-component.ts';

/** One path segment. A `.`/`..` id would be collapsed by URL parsing, but it stays on the origin. */
export function urlSegment(value: string | number): string {
  return encodeComponent(String(value));
}

/** `pathAndQuery` is already encoded (its pieces by `urlSegment`). */
export function webUrl(origin: string, pathAndQuery: string): string {
  return new URL(`${origin}${pathAndQuery}`).href;
}

/** `/m/{username}` [C]: a profile, the identity's (`me`) as every person's. */
export function profileUrl(origin: string, username: string): string {
  return webUrl(origin, `/m/${urlSegment(username)}`);
}

/** The personal-tokens page, for hints that tell the user to create or edit a token. */
export function personalTokensUrl(origin: string): string {
  return webUrl(origin, '/m/me/authentication?tab=PermanentTokens');
}

/**
 * Where applications are registered (for "Sign in with Space"): space-api.md §8 names the places, *Extensions →
 * Applications* or *Administration → Applications* [C]; this path to the installed-applications list is [I] (not
 * seen in a source; settled by opening it on a live Space).
 */
export function applicationsUrl(origin: string): string {
  return webUrl(origin, '/extensions/installed');
}
