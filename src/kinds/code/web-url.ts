import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';
import { repositoryUrl } from '../repository/web-url.ts';

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
  return webUrl(origin, `/p/${seg(file.projectKey)}/repositories/${seg(file.repository)}/files/${seg(file.commit)}/${path}${line}`);
}
