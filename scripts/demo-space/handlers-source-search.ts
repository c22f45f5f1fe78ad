/**
 * `GET /projects/source-search`: full-text search over the files of every repository the viewer can read. In the
 * 2024.3 spec, not in the 2024-11 SDK (space-api.md §12); `startDemoServer({ withoutSourceSearch: true })` (or
 * `--without-source-search`, or `POST /__demo/source-search {"on": false}`) makes the server answer it with a bare
 * 404, like a Space that lacks it.
 *
 * [C] parameters: `query` (required), `project`, `repositoryName`, `fileMask`, `$skip`, `$top`; items are
 * `SourceSearchItem {key, project, repository, file, lines, content}`. [I] everything else, the same guesses the
 * client's mapper makes (src/space/mappers/code.ts): one item per file; `lines` are the matching lines as ranges of
 * 0-based line indexes; `content.lines` the matching lines with one line of context each side, `index` 0-based
 * and `offset` the character offset of the line's start. A match is a case- and accent-insensitive substring of
 * one line; a blank query finds nothing; archived projects are not searched.
 */
import { isProjectVisible } from './lookup.ts';
import { route, type RequestContext, type Route } from './router.ts';
import type { CodeLine, Project, SourceFile, SourceSearchItem, TextRange } from './space-types.ts';
import { fold } from './text-match.ts';
import { paginate, validationError } from './wire.ts';

/** Lines of context around each match. */
const CONTEXT = 1;

export const sourceSearchRoute: Route = route('GET', '/projects/source-search', sourceSearch);

function sourceSearch(ctx: RequestContext): unknown {
  const { dataset: ds, query: q, viewer } = ctx;
  const query = q.get('query');
  if (query === undefined) throw validationError("Parameter 'query' is required");
  const needle = fold(query).trim();
  const project = q.get('project') || undefined;
  const repositoryName = q.get('repositoryName') || undefined;
  const mask = q.get('fileMask') ? globToRegExp(q.get('fileMask') as string) : undefined;

  const items = needle === '' ? [] : ds.sourceFiles
    .filter((f) =>
      !f.project.archived && isProjectVisible(f.project, viewer)
      && (project === undefined || namesProject(f.project, project))
      && (repositoryName === undefined || f.repository.name === repositoryName)
      && (mask === undefined || mask.test(f.path) || mask.test(f.path.slice(f.path.lastIndexOf('/') + 1))))
    .sort((a, b) => a.project.key.key.localeCompare(b.project.key.key) || a.repository.name.localeCompare(b.repository.name) || a.path.localeCompare(b.path))
    .flatMap((f) => {
      const item = searchFile(f, needle);
      return item ? [item] : [];
    });
  return paginate(items, q.get('$skip'), q.get('$top'));
}

/** `key:ABC`, `id:x` or a bare key [I: the spec types `project` as a plain string]. */
function namesProject(project: Project, value: string): boolean {
  if (value.startsWith('id:')) return project.id === value.slice(3);
  const key = value.startsWith('key:') ? value.slice(4) : value;
  return project.key.key.toUpperCase() === key.toUpperCase();
}

/** `*` any run of characters but `/`, `**` any run, `?` one character [I]. */
function globToRegExp(glob: string): RegExp {
  const source = glob.split(/(\*\*|\*|\?)/).map((part) => {
    if (part === '**') return '.*';
    if (part === '*') return '[^/]*';
    if (part === '?') return '[^/]';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${source}$`, 'i');
}

function searchFile(file: SourceFile, needle: string): SourceSearchItem | null {
  const lines = file.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const matches = lines.flatMap((text, index) => (fold(text).includes(needle) ? [index] : []));
  if (matches.length === 0) return null;

  const offsets: number[] = [];
  let offset = 0;
  for (const text of lines) {
    offsets.push(offset);
    offset += text.length + 1;
  }
  const shown = new Set<number>();
  for (const index of matches) {
    for (let i = Math.max(0, index - CONTEXT); i <= Math.min(lines.length - 1, index + CONTEXT); i++) shown.add(i);
  }
  const content: CodeLine[] = [...shown].sort((a, b) => a - b)
    .map((index) => ({ text: lines[index] as string, index, offset: offsets[index] as number, syntax: null }));

  const ranges: TextRange[] = [];
  for (const index of matches) {
    const last = ranges.at(-1);
    if (last && last.start + last.length === index) last.length += 1;
    else ranges.push({ start: index, length: 1 });
  }
  const commit = file.repository.defaultBranch?.ref ?? '';
  return {
    key: `${file.project.key.key}/${file.repository.name}/${file.path}`,
    project: file.project,
    repository: file.repository.name,
    file: { commit, path: file.path, blob: blobId(commit, file.path), type: 'FILE', properties: null },
    lines: ranges,
    content: { type: 'TEXT', lineEnding: 'LF', bom: null, lines: content, widgets: null, folds: null, scopes: null },
  };
}

/** A stable fake blob id (40 hex) for a path at a commit. */
function blobId(commit: string, path: string): string {
  let h = 0x811c9dc5;
  const text = `${commit}:${path}`;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}
