/**
 * SourceSearchItem → CodeMatch (OAS 2024.3 `SourceSearchItem {key, project, repository, file: GitFile,
 * lines: TextRange[], content: FileContent}`; `GET /projects/source-search`, absent from older servers).
 *
 * What the spec does not say, and is guessed here [I] (the demo server answers the same way; a real 2024.3
 * server would settle it):
 * - `content.lines` is the snippet: the matching lines with some context, each a `CodeLine {text, index,
 *   offset}` where `index` is the 0-based line number in the file and `offset` the character offset of the
 *   line's start (the same `FileContent` the `text-content` endpoint returns for a whole file);
 * - `lines` marks the matches as `TextRange {start, length}`: taken as ranges of 0-based line indexes; when no
 *   snippet line falls in one, as character ranges of the file (the other reading `TextRange` allows), so the
 *   matches are marked whichever of the two a server turns out to use.
 */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { CodeMatch, CodeMatchLine } from './entity.ts';
import { projectUrl } from '../project/web-url.ts';
import { repositoryUrl } from '../repository/web-url.ts';
import { fileUrl } from './web-url.ts';
import { HiddenFields } from '../../space/mappers/common.ts';

export const CODE_FIELDS = 'project(key(key)),repository,file(path,commit),lines(start,length),content(lines(text,index,offset))';
export const CODE_BATCH_FIELDS = batchFields(CODE_FIELDS);

/** Lines of one snippet kept at most: a card shows a few, and a minified file can match on every line. */
const MAX_LINES = 40;
/** Characters of one line kept at most (a minified line can be megabytes). */
const MAX_LINE_CHARS = 400;

/**
 * Project key, repository and path are required unless withheld (each then is empty and the link falls back
 * to the repository, the project or the home page). The snippet is detail: a withheld piece leaves its lines
 * out or unnumbered, and is named in `hidden` (`lines`, and `line` with `id` when the first match is affected).
 */
export function mapCodeMatch(item: Reader, origin: string): CodeMatch {
  const hidden = new HiddenFields();
  const project = hidden.check(item, 'project', 'projectKey', 'id') ? null : item.obj('project');
  const keyRef = project === null || hidden.check(project, 'key', 'projectKey', 'id') ? null : project.obj('key');
  const projectKey = keyRef === null || hidden.check(keyRef, 'key', 'projectKey', 'id') ? '' : keyRef.id('key');
  const repository = hidden.check(item, 'repository', 'repository', 'id') ? '' : item.id('repository');
  const file = hidden.check(item, 'file', 'path', 'commit', 'id') ? null : item.obj('file');
  const path = file === null || hidden.check(file, 'path', 'path', 'id') ? '' : file.id('path');
  hidden.check(file, 'commit', 'commit');
  const commit = file?.optStr('commit') || null;

  const lines = snippet(item, hidden);
  const first = lines.find((l) => l.match);
  const line = first?.number ?? null;
  const id = `${projectKey}/${repository}/${path}${line === null ? '' : `:${line}`}`;
  return hidden.apply<CodeMatch>({
    kind: 'code',
    id,
    title: path || repository || projectKey,
    webUrl: webUrl(origin, projectKey, repository, commit, path, line),
    projectKey,
    repository,
    path,
    commit,
    line,
    lines,
  });
}

interface RawLine { text: string; index: number | null; offset: number | null }
interface Range { start: number; end: number }

function snippet(item: Reader, hidden: HiddenFields): CodeMatchLine[] {
  // Without the ranges no line can be called a match; without the content there are no lines.
  hidden.check(item, 'lines', 'lines', 'line', 'id');
  const ranges = item.objects('lines').flatMap((r): Range[] => {
    if (hidden.check(r, ['start', 'length'], 'lines', 'line', 'id')) return [];
    const start = r.num('start');
    const length = r.num('length');
    return [{ start, end: start + Math.max(1, length) }];
  });
  const content = hidden.check(item, 'content', 'lines', 'line', 'id') ? null : item.obj('content');
  if (content !== null) hidden.check(content, 'lines', 'lines', 'line', 'id');
  const raw = (content?.objects('lines') ?? []).flatMap((l): RawLine[] => {
    // A line without its text can't be shown; without its index it has no number (and can't be placed).
    if (hidden.check(l, 'text', 'lines', 'line', 'id')) return [];
    hidden.check(l, ['index', 'offset'], 'lines', 'line', 'id');
    const index = l.optNum('index');
    return [{ text: l.str('text'), index: index !== null && Number.isSafeInteger(index) && index >= 0 ? index : null, offset: l.optNum('offset') }];
  });
  const within = (n: number | null) => n !== null && ranges.some((r) => n >= r.start && n < r.end);
  const byIndex = raw.some((l) => within(l.index));
  const matches = (l: RawLine): boolean => {
    if (byIndex) return within(l.index);
    return l.offset !== null && ranges.some((r) => (l.offset as number) < r.end && (l.offset as number) + l.text.length >= r.start);
  };
  return raw.slice(0, MAX_LINES).map((l) => ({
    number: l.index === null ? null : l.index + 1,
    text: l.text.length > MAX_LINE_CHARS ? `${l.text.slice(0, MAX_LINE_CHARS)}…` : l.text,
    match: matches(l),
  }));
}

function webUrl(origin: string, projectKey: string, repository: string, commit: string | null, path: string, line: number | null): string {
  if (projectKey === '') return new URL('/', origin).href;
  if (repository === '') return projectUrl(origin, projectKey);
  if (commit === null || path === '') return repositoryUrl(origin, projectKey, repository);
  return fileUrl(origin, { projectKey, repository, commit, path, line });
}
