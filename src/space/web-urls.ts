/**
 * "Open in Space" links (space-api.md §7). They are always built from ids and keys against the
 * configured origin, each piece passed through encodeURIComponent, never copied from a response,
 * so a link can't point anywhere but the user's own Space.
 */

/** One path segment. A `.`/`..` id would be collapsed by URL parsing, but it stays on the origin. */
function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

function build(origin: string, pathAndQuery: string): string {
  return new URL(`${origin}${pathAndQuery}`).href;
}

/** `/m/{username}` [C] */
export function profileUrl(origin: string, username: string): string {
  return build(origin, `/m/${seg(username)}`);
}

/** `/p/{key}` [C]. Space shows keys lower-case in its own links; the key is case-insensitive, kept as given. */
export function projectUrl(origin: string, projectKey: string): string {
  return build(origin, `/p/${seg(projectKey)}`);
}

/** `/p/{key}/issues/{number}` [C] */
export function issueUrl(origin: string, projectKey: string, number: number): string {
  return build(origin, `/p/${seg(projectKey)}/issues/${seg(number)}`);
}

/** `/p/{key}/reviews/{number}` [C]; Space redirects to the review's timeline. */
export function reviewUrl(origin: string, projectKey: string, number: number): string {
  return build(origin, `/p/${seg(projectKey)}/reviews/${seg(number)}`);
}

/** `/p/{key}/repositories/{repo}` [C] */
export function repositoryUrl(origin: string, projectKey: string, repository: string): string {
  return build(origin, `/p/${seg(projectKey)}/repositories/${seg(repository)}`);
}

/** `/team?team={Team Name}-{id}` — seen once in a public link, so a guess [I]. */
export function teamUrl(origin: string, team: { id: string; name: string }): string {
  return build(origin, `/team?team=${seg(`${team.name}-${team.id}`)}`);
}

/**
 * Space has no known page for a location [U]. Its chat channel (`/im/group/{id}`, [C] for channels)
 * is the closest real page when the location has one; otherwise the organization's home page,
 * which at least opens the right Space instead of a guessed URL that may 404.
 */
export function locationUrl(origin: string, location: { channelId?: string | null }): string {
  if (location.channelId) return build(origin, `/im/group/${seg(location.channelId)}`);
  return build(origin, '/');
}

/** The personal-tokens page, for hints that tell the user to create or edit a token. */
export function personalTokensUrl(origin: string): string {
  return build(origin, '/m/me/authentication?tab=PermanentTokens');
}

export { isSameOriginUrl } from './same-origin.ts';
