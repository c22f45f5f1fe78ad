/**
 * What a finished search says beyond its rows: one failure said once, the quiet per-kind notes, the status line.
 * Not needed for the first frame: loaded with the other extras (extras.ts).
 */
import { t } from '../shared/i18n.ts';
import type { EntityKind, Filter } from '../shared/kinds.ts';
import type { AppError, MissingKey, ResultGroup } from '../shared/protocol.ts';
import { displayText } from '../shared/ui/text.ts';
import { visibleKinds, type ResultsState } from './results.ts';

const shownGroups = (state: ResultsState, filter: Filter): ResultGroup[] =>
  visibleKinds(filter).map((k) => state.groups[k]).filter((g): g is ResultGroup => g !== undefined);

/** Every kind that ran failed, for one cause: said once instead of once per kind. */
export interface SearchFailure {
  error: AppError;
  kinds: EntityKind[];
}

/** Same cause = same code (and, for a 403, the same permission). Retry-After may differ per request. */
const causeOf = (error: AppError | undefined) => (error ? `${error.code}|${error.permission ?? ''}` : '');

/**
 * The search could not run: it is answered (`done`), no kind answered (not even with an empty list; an empty answer
 * of the local directory does not count) and every
 * kind that failed failed for the same reason. Kinds the server does not offer ('unsupported') did not run and
 * keep their own quiet note. Null otherwise: mixed causes keep one note per kind.
 */
export function searchFailure(state: ResultsState, filter: Filter): SearchFailure | null {
  if (state.phase !== 'done' || state.fail) return null;
  const groups = shownGroups(state, filter);
  // The local directory's empty answer came from this browser's copy, not from Space: it does not show that Space
  // could be asked (every kind that asked it may still have failed for one cause).
  if (groups.some((g) => g.state === 'ok' && !(g.local === true && g.items.length === 0))) return null;
  const failed = groups.filter((g) => g.state === 'error' && g.error);
  const first = failed[0]?.error;
  if (!first || failed.some((g) => causeOf(g.error) !== causeOf(first))) return null;
  // Of several Retry-After values, the longest is the one that makes every kind work again.
  const waits = failed.map((g) => g.error?.retryAfterMs).filter((ms): ms is number => ms !== undefined);
  const error: AppError = waits.length > 0 ? { ...first, retryAfterMs: Math.max(...waits) } : first;
  return { error, kinds: failed.map((g) => g.kind) };
}

/**
 * Kinds that could not be searched (unsupported server, missing permission…): shown as quiet notes. Failures
 * are held back while the search runs and nothing is on screen yet, and left out when `searchFailure` says them
 * once: seven notes appearing one by one and then collapsing into one message would only flicker.
 */
export function groupNotes(state: ResultsState, filter: Filter): ResultGroup[] {
  const groups = shownGroups(state, filter);
  // A kind whose every result was unreadable has no rows (and so no header) to say it on: a note says it.
  const notes = groups.filter((g) => g.state !== 'ok' || (g.items.length === 0 && (g.unreadable ?? 0) > 0));
  const anyItems = groups.some((g) => g.state === 'ok' && g.items.length > 0);
  const holdFailures = (state.phase === 'searching' && !anyItems) || searchFailure(state, filter) !== null;
  return holdFailures ? notes.filter((g) => g.state === 'unsupported') : notes;
}

/**
 * Nothing on screen and some kind failed, so "Nothing found" would claim more than is known: 'all' when no
 * kind answered at all, 'some' when the others answered empty; null when there are results or no failure.
 */
export function failedWithoutResults(state: ResultsState, filter: Filter): 'all' | 'some' | null {
  const groups = shownGroups(state, filter);
  // Results that could not be read are not "nothing": the search is incomplete, as after a failure.
  const incomplete = (g: ResultGroup) => g.state === 'error' || (g.unreadable ?? 0) > 0;
  if (groups.some((g) => g.state === 'ok' && g.items.length > 0) || !groups.some(incomplete)) return null;
  return groups.some((g) => g.state === 'ok') ? 'some' : 'all';
}

/**
 * The status line after a search. "Nothing found" only when every kind that ran answered: after a failure it
 * would claim more than is known.
 */
export function statusSummary(results: ResultsState, count: number, query: string, filter: Filter): string {
  if (results.phase !== 'done' || results.fail || query.trim() === '') return '';
  const failed = failedWithoutResults(results, filter);
  if (count > 0) return t('popup_resultCount', String(count));
  if (results.missing) return missingText(results.missing);
  if (failed === 'all') return t('popup_searchFailed');
  if (failed === 'some') return t('popup_searchIncomplete');
  return t('popup_noResults', displayText(query, 80));
}

/** A typed key that names nothing: say which part does not exist. */
function missingText(missing: MissingKey): string {
  const key = displayText(missing.key, 80);
  switch (missing.kind) {
    case 'issue': return t('popup_noSuchIssue', key);
    case 'review': return t('popup_noSuchReview', key);
    case 'project': return t('popup_noSuchProject', key);
  }
}
