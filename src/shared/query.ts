/**
 * What a search box query means. Pure: the worker uses it to pick kinds and endpoints, the popup may use it
 * for hints ("issue key — press Enter to open").
 *
 *  - `@jo`           people only, searching "jo" (`effectiveFilter`);
 *  - `ABC-T-123`     that one issue; `ABC-MR-12` / `ABC-CR-12` that one review — in any project (a leading `#`
 *                    is tolerated, case is not significant);
 *  - `ABC-MR-0`      shaped like a key, but no item has that number: names nothing (no request is worth it);
 *  - `ABC`, `ABC-`, `ABC-T-`  typed in capitals: a project key, ranked first among projects and searched first
 *                    for issues and reviews. Lower-case words are ordinary text: "jo" must not cost a
 *                    project lookup on every keystroke.
 *  - `ABC login`     a project key in capitals, a space, then words: issues and reviews of project ABC searched for
 *                    "login", in scope or not (`projectSearch`); every other kind searches the whole text as for
 *                    any other query (`query` stays "ABC login"), and so do issues and reviews when ABC turns out
 *                    to be no project (src/kinds/project-scoped.ts).
 */
import { isProjectKeyLike, parseKey, type EntityKey } from '../space/keys.ts';
import { LIMITS } from './protocol.ts';
import { INVISIBLE_CHARACTERS, isPeopleOnly } from './query-text.ts';

export interface ParsedQuery {
  /** What text searches look for: trimmed, inner whitespace collapsed, `@` removed in people-only mode. */
  query: string;
  /** Typed with a leading `@` (`isPeopleOnly`). */
  peopleOnly: boolean;
  key?: EntityKey;
  /** Typed as an issue/review key whose number cannot exist (0, or beyond Space's int32): a mistyped key. */
  impossibleKey?: ImpossibleKey;
  projectKeyHint?: string;
  /** `ABC login`: the project whose issues and reviews are searched, and the words searched for there. */
  projectSearch?: ProjectSearch;
}

export interface ProjectSearch {
  /** Upper-case, as typed (only a key typed in capitals counts: lower-case words are ordinary text). */
  projectKey: string;
  /** What follows the key: never empty. */
  words: string;
}

export interface ImpossibleKey {
  kind: 'issue' | 'review';
  projectKey: string;
  /** As typed, upper-cased, leading zeros dropped: `ABC-MR-0`. */
  key: string;
}

const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'g');

/** Untrusted text (a page selection, a typed query) → a single-line, bounded query. */
export function sanitizeQuery(raw: string, max: number = LIMITS.query): string {
  const cleaned = raw.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= max) return cleaned;
  // Don't cut a surrogate pair in half.
  let cut = cleaned.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

const PARTIAL_KEY = /^(.+?)-(?:(?:T|MR|CR)-?)?$/i;

export function parseQuery(raw: string): ParsedQuery {
  const query = sanitizeQuery(raw);

  if (isPeopleOnly(query)) {
    return { query: query.slice(1).trim(), peopleOnly: true };
  }

  const keyText = query.startsWith('#') ? query.slice(1) : query;
  const key = parseKey(keyText);
  if (key) return { query, peopleOnly: false, key, projectKeyHint: key.projectKey };
  const impossibleKey = impossibleKeyOf(keyText);
  if (impossibleKey) return { query, peopleOnly: false, impossibleKey, projectKeyHint: impossibleKey.projectKey };

  const hint = projectKeyHintOf(keyText);
  if (hint) return { query, peopleOnly: false, projectKeyHint: hint };
  const projectSearch = projectSearchOf(query);
  return projectSearch ? { query, peopleOnly: false, projectSearch } : { query, peopleOnly: false };
}

/**
 * `ABC login` → ABC, "login". The first word must be a project key typed in capitals (`Fix login` and `abc login`
 * are text) and not shaped like an issue/review key (`ABC-T-42 login` is text that mentions a key). `query` is
 * sanitized: single spaces, trimmed.
 */
function projectSearchOf(query: string): ProjectSearch | undefined {
  const space = query.indexOf(' ');
  if (space <= 0) return undefined;
  const first = query.slice(0, space);
  const words = query.slice(space + 1);
  if (words === '' || first !== first.toUpperCase() || !isProjectKeyLike(first) || KEY_SHAPE.test(first)) return undefined;
  return { projectKey: first, words };
}

const KEY_SHAPE = /^(.+)-(T|MR|CR)-(\d+)$/i;

/** Key-shaped text that `parseKey` refused for its number alone: the user meant a key, and it names nothing. */
function impossibleKeyOf(text: string): ImpossibleKey | undefined {
  const m = KEY_SHAPE.exec(text);
  if (!m || !isProjectKeyLike(m[1]!)) return undefined;
  const projectKey = m[1]!.toUpperCase();
  const marker = m[2]!.toUpperCase();
  const number = m[3]!.replace(/^0+(?=\d)/, '');
  return { kind: marker === 'T' ? 'issue' : 'review', projectKey, key: `${projectKey}-${marker}-${number}` };
}

function projectKeyHintOf(text: string): string | undefined {
  if (text === '' || text.includes(' ')) return undefined;
  // Partial keys while typing: `ABC-`, `ABC-T`, `ABC-T-`, `abc-mr-`.
  const partial = PARTIAL_KEY.exec(text);
  const candidate = partial?.[1] ?? text;
  const hasKindMarker = partial !== null && /-(?:T|MR|CR)-?$/i.test(text);
  const typedAsKey = hasKindMarker || candidate === candidate.toUpperCase();
  if (!typedAsKey || !/[A-Za-z]/.test(candidate) || !isProjectKeyLike(candidate)) return undefined;
  return candidate.toUpperCase();
}

/** The normalized form used in cache and dedupe keys: two queries with equal meaning share an entry. */
export function queryCacheKey(parsed: ParsedQuery): string {
  if (parsed.key) {
    const k = parsed.key;
    return `key:${k.kind}:${k.projectKey}:${k.number}:${k.kind === 'review' ? k.type : ''}`;
  }
  // `ABC login` and `abc login` differ in meaning (one project vs. the scope) though not in lower case.
  const inProject = parsed.projectSearch ? `|in:${parsed.projectSearch.projectKey}` : '';
  return `${parsed.peopleOnly ? '@' : ''}${parsed.query.toLowerCase()}|${parsed.projectKeyHint ?? ''}${inProject}`;
}
