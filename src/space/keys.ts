/**
 * Issue keys (`ABC-T-123`) and review keys (`ABC-MR-12` merge request, `ABC-CR-12` commit-set review),
 * space-api.md §4. Users type MR and CR interchangeably: a review key's letters are what was typed, and
 * lookups find the review whatever its real type (`reviewByKey` asks by number, src/kinds/review/space.ts). The project-key pattern is JetBrains' own (UNF `SpaceUnfurlProvider.kt`):
 * a letter, then letters/digits, where `-` or `_` may only sit between two of them. Keys are matched
 * case-insensitively and returned upper-cased, the form Space shows and accepts in `key:` identifiers.
 */

import { SpaceError } from './errors.ts';

const PROJECT_KEY = '[A-Z](?:[_-][A-Z0-9]|[A-Z0-9])+';
/** Issue and review numbers; leading zeros are tolerated (`ABC-T-007` reads as 7). */
const NUMBER = '\\d{1,15}';

const PROJECT_KEY_EXACT = new RegExp(`^${PROJECT_KEY}$`, 'i');
const ISSUE_KEY_EXACT = new RegExp(`^(${PROJECT_KEY})-T-(${NUMBER})$`, 'i');
const REVIEW_KEY_EXACT = new RegExp(`^(${PROJECT_KEY})-(MR|CR)-(${NUMBER})$`, 'i');
/**
 * In free text the key must start a token (nothing key-like before it) and its number must end one;
 * a trailing `-` is fine so branch names such as `ABC-T-12-fix-login` still match.
 */
const KEY_IN_TEXT = new RegExp(`(?<![A-Z0-9_-])(${PROJECT_KEY})-(T|MR|CR)-(${NUMBER})(?![A-Z0-9_])`, 'gi');

/** Longest selection we scan; context-menu selections can be whole pages. */
export const MAX_KEY_SCAN = 10_000;
/** Space project keys are short; this bounds what we send in a path. */
const MAX_PROJECT_KEY_LENGTH = 64;
/** Issue and review numbers are `int32` in the spec (`Issue.number`, `MergeRequestRecord.number` [C]). */
export const MAX_ITEM_NUMBER = 2_147_483_647;

/**
 * Whether `n` can be an issue or review number: 1 … int32 max. Numbers start at 1 in Space [I]; 0 can only
 * be a typo and a larger number can't exist, so neither is worth a request.
 */
export function isItemNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ITEM_NUMBER;
}

export interface IssueKey {
  kind: 'issue';
  projectKey: string;
  number: number;
}

export interface ReviewKey {
  kind: 'review';
  projectKey: string;
  number: number;
  type: 'merge-request' | 'commit-set';
}

export type EntityKey = IssueKey | ReviewKey;

export function isProjectKeyLike(text: string): boolean {
  const s = text.trim();
  return s.length <= MAX_PROJECT_KEY_LENGTH && PROJECT_KEY_EXACT.test(s);
}

export function parseIssueKey(text: string): IssueKey | null {
  const m = ISSUE_KEY_EXACT.exec(text.trim());
  return m ? toKey(m[1], 'T', m[2]) as IssueKey | null : null;
}

export function parseReviewKey(text: string): ReviewKey | null {
  const m = REVIEW_KEY_EXACT.exec(text.trim());
  return m ? toKey(m[1], m[2], m[3]) as ReviewKey | null : null;
}

/** Either kind of key, the whole text. */
export function parseKey(text: string): EntityKey | null {
  return parseIssueKey(text) ?? parseReviewKey(text);
}

/** The first issue or review key anywhere in the text (context-menu selections). */
export function findKeyInText(text: string): EntityKey | null {
  for (const m of text.slice(0, MAX_KEY_SCAN).matchAll(KEY_IN_TEXT)) {
    const key = toKey(m[1], m[2], m[3]);
    if (key) return key;
  }
  return null;
}

export function formatIssueKey(projectKey: string, number: number): string {
  return `${projectKey.toUpperCase()}-T-${number}`;
}

export function formatReviewKey(projectKey: string, number: number, type: ReviewKey['type']): string {
  return `${projectKey.toUpperCase()}-${type === 'merge-request' ? 'MR' : 'CR'}-${number}`;
}

export function formatKey(key: EntityKey): string {
  return key.kind === 'issue'
    ? formatIssueKey(key.projectKey, key.number)
    : formatReviewKey(key.projectKey, key.number, key.type);
}

function toKey(project: string | undefined, marker: string | undefined, digits: string | undefined): EntityKey | null {
  if (project === undefined || marker === undefined || digits === undefined) return null;
  if (project.length > MAX_PROJECT_KEY_LENGTH) return null;
  const number = Number(digits);
  if (!isItemNumber(number)) return null;
  const projectKey = project.toUpperCase();
  switch (marker.toUpperCase()) {
    case 'T': return { kind: 'issue', projectKey, number };
    case 'MR': return { kind: 'review', projectKey, number, type: 'merge-request' };
    case 'CR': return { kind: 'review', projectKey, number, type: 'commit-set' };
    default: return null;
  }
}

/** What a lookup by key throws for text that is no key of its kind: no request is made. */
export function notAKey(text: string, op: string): SpaceError {
  return new SpaceError('not-found', { op, subject: text.slice(0, 80), reason: 'not-a-key' });
}
