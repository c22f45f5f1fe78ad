/**
 * The grouped results of the latest search, fed by lookup-port messages. Pure reducer: messages for
 * any search but the latest are ignored, and the previous results stay on screen until the new search answers,
 * so typing does not flicker. Since the local directory (issue 16) answers its kinds in the same turn as the
 * keystroke, the first answer of a search no longer says the rest is near: the previous search's other groups are
 * *held* (shown as cached, in place) until their own kind answers or the search is done, instead of vanishing on
 * every keystroke and coming back ~0.5 s later. What an answer does to this state (`messageReceived`) is in
 * search-answer.ts, loaded with the extras: the first frame paints before any search has answered.
 */
import { ALL_KINDS, type Entity, type EntityKind, type Filter } from '../shared/kinds.ts';
import type { LastView } from '../shared/last-view.ts';
import type { AppError, MissingKey, ResultGroup } from '../shared/protocol.ts';

export interface ResultsState {
  /** The latest search sent; 0 before any. */
  searchId: number;
  /** The search whose answers are on screen; 0 = painted from the last view. */
  shownId: number;
  groups: Partial<Record<EntityKind, ResultGroup>>;
  phase: 'idle' | 'searching' | 'done';
  fail: AppError | null;
  exact: Entity | null;
  /** A key query that named nothing: what does not exist. */
  missing: MissingKey | null;
  /**
   * Kinds whose group on screen is still the previous search's, held until this search answers for that kind or is
   * done (then dropped). Never opened by Enter: it is the old query's (App waits for the answer instead).
   */
  held: EntityKind[];
}

export const EMPTY_RESULTS: ResultsState = {
  searchId: 0, shownId: 0, groups: {}, phase: 'idle', fail: null, exact: null, missing: null, held: [],
};

/** The first frame: what was on screen last time, marked as cached until the refresh answers. */
export function resultsFromLastView(view: Pick<LastView, 'groups'> | null): ResultsState {
  if (!view) return EMPTY_RESULTS;
  const groups: Partial<Record<EntityKind, ResultGroup>> = {};
  for (const kind of ALL_KINDS) {
    const items = view.groups[kind];
    if (Array.isArray(items) && items.length > 0) {
      groups[kind] = { kind, state: 'ok', items: items.filter((e) => e?.kind === kind), cached: true };
    }
  }
  return { ...EMPTY_RESULTS, groups };
}

export function searchSent(state: ResultsState, id: number): ResultsState {
  return { ...state, searchId: id, phase: 'searching', exact: null, missing: null };
}

/** Kinds that are shown for a filter, in display order. */
export function visibleKinds(filter: Filter): readonly EntityKind[] {
  return filter === 'all' ? ALL_KINDS : ALL_KINDS.filter((k) => k === filter);
}

/** Groups with results, in display order. */
export function resultGroups(state: ResultsState, filter: Filter): ResultGroup[] {
  return visibleKinds(filter)
    .map((k) => state.groups[k])
    .filter((g): g is ResultGroup => g !== undefined && g.state === 'ok' && g.items.length > 0);
}

/** An emptied search box: nothing to show, no need to wait for the worker's (empty) answer. */
export function searchCleared(state: ResultsState, id: number): ResultsState {
  return { ...EMPTY_RESULTS, searchId: id, shownId: id };
}
