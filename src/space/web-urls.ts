/**
 * "Open in Space" links (space-api.md §7). They are always built from ids and keys against the
 * configured origin, each piece passed through encodeURIComponent, never copied from a response,
 * so a link can't point anywhere but the user's own Space.
 */
import { encodeComponent } from './uri-component.ts';

/** One path segment. A `.`/`..` id would be collapsed by URL parsing, but it stays on the origin. */
function seg(value: string | number): string {
  return encodeComponent(String(value));
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

/** `/im/group/{channelId}`: a chat channel [C examples: public links, space-api.md §7]. */
export function channelUrl(origin: string, channelId: string): string {
  return build(origin, `/im/group/${seg(channelId)}`);
}

/** `/blog/{alias or id}` [C examples, space-api.md §7]; the id, which every article has and never changes. */
export function articleUrl(origin: string, articleId: string): string {
  return build(origin, `/blog/${seg(articleId)}`);
}

/**
 * A file of a repository at a commit, opened at a line: `/p/{key}/repositories/{repo}/files/{rev}/{path}`
 * [C: JEN `SpaceRepositoryBrowser`, space-api.md §7] with `?tab=source&line={n}&lines-count=1`. The query is
 * the form of public links into JetBrains' own Space, e.g. `…/files/8444…/community/jps/…/JpsJavaDependencyScope.java
 * ?tab=source&line=27&lines-count=4` [C examples]; `line` is 1-based [I: in that link, line 27 is where the
 * four lines it quotes start in the file's 1-based numbering]. Without a line, no query.
 *
 * The path keeps its slashes, as in those links, each segment encoded. A path with an empty, `.` or `..`
 * segment (no real file has one, but URL parsing would collapse it, `%2E%2E` included) is sent as one encoded
 * segment instead, `a%2F..%2Fb`, the form JEN's `getFileLink` uses for every path [C]; a path that is nothing
 * but dots names no file: the repository's page.
 */
export function fileUrl(
  origin: string, file: { projectKey: string; repository: string; commit: string; path: string; line?: number | null },
): string {
  if (/^\.{0,2}$/.test(file.path)) return repositoryUrl(origin, file.projectKey, file.repository);
  const parts = file.path.split('/');
  const path = parts.some((part) => /^\.{0,2}$/.test(part)) ? seg(file.path) : parts.map(seg).join('/');
  const line = file.line !== undefined && file.line !== null && Number.isSafeInteger(file.line) && file.line > 0
    ? `?tab=source&line=${file.line}&lines-count=1` : '';
  return build(origin, `/p/${seg(file.projectKey)}/repositories/${seg(file.repository)}/files/${seg(file.commit)}/${path}${line}`);
}

/** The personal-tokens page, for hints that tell the user to create or edit a token. */
export function personalTokensUrl(origin: string): string {
  return build(origin, '/m/me/authentication?tab=PermanentTokens');
}

/**
 * Where applications are registered (for "Sign in with Space"): space-api.md §8 names the places, *Extensions →
 * Applications* or *Administration → Applications* [C]; this path to the installed-applications list is [I] (not
 * seen in a source; settled by opening it on a live Space).
 */
export function applicationsUrl(origin: string): string {
  return build(origin, '/extensions/installed');
}

export { isSameOriginUrl } from './same-origin.ts';
