/**
 * The grouped results of the latest search, fed by lookup-port messages. Pure reducer: messages for
 * any search but the latest are ignored, and the previous results stay on screen until the new search's
 * first answer arrives, so typing does not flicker.
 */
import {
  ALL_KINDS,
  type AppError,
  type Entity,
  type EntityKind,
  type Filter,
  type GroupState,
  type LookupServerMessage,
  type MissingKey,
} from '../shared/protocol.ts';
import type { LastView } from '../shared/last-view.ts';

export interface GroupView {
  kind: EntityKind;
  state: GroupState;
  items: Entity[];
  cached: boolean;
  error?: AppError;
}

export interface ResultsState {
  /** The latest search sent; 0 before any. */
  searchId: number;
  /** The search whose answers are on screen; 0 = painted from the last view. */
  shownId: number;
  groups: Partial<Record<EntityKind, GroupView>>;
  phase: 'idle' | 'searching' | 'done';
  fail: AppError | null;
  exact: Entity | null;
  /** A key query that named nothing: what does not exist. */
  missing: MissingKey | null;
}

export const EMPTY_RESULTS: ResultsState = {
  searchId: 0, shownId: 0, groups: {}, phase: 'idle', fail: null, exact: null, missing: null,
};

/** The first frame: what was on screen last time, marked as cached until the refresh answers. */
export function resultsFromLastView(view: Pick<LastView, 'groups'> | null): ResultsState {
  if (!view) return EMPTY_RESULTS;
  const groups: Partial<Record<EntityKind, GroupView>> = {};
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

export function messageReceived(state: ResultsState, message: LookupServerMessage): ResultsState {
  if (message.id !== state.searchId) return state;
  const fresh = state.shownId !== message.id;
  switch (message.type) {
    case 'group': {
      const base = fresh ? {} : state.groups;
      const group: GroupView = {
        kind: message.kind,
        state: message.state,
        items: message.state === 'ok' ? message.items : [],
        cached: message.cached,
        ...(message.error ? { error: message.error } : {}),
      };
      return { ...state, shownId: message.id, groups: { ...base, [message.kind]: group }, fail: null };
    }
    case 'done':
      return {
        ...state,
        shownId: message.id,
        groups: fresh ? {} : state.groups,
        phase: 'done',
        fail: null,
        exact: message.exact ?? null,
        missing: message.missing ?? null,
      };
    case 'fail':
      return { ...state, shownId: message.id, groups: {}, phase: 'done', fail: message.error, exact: null, missing: null };
  }
}

/** Kinds that are shown for a filter, in display order. */
export function visibleKinds(filter: Filter): readonly EntityKind[] {
  return filter === 'all' ? ALL_KINDS : ALL_KINDS.filter((k) => k === filter);
}

/** Groups with results, in display order. */
export function resultGroups(state: ResultsState, filter: Filter): GroupView[] {
  return visibleKinds(filter)
    .map((k) => state.groups[k])
    .filter((g): g is GroupView => g !== undefined && g.state === 'ok' && g.items.length > 0);
}

const shownGroups = (state: ResultsState, filter: Filter): GroupView[] =>
  visibleKinds(filter).map((k) => state.groups[k]).filter((g): g is GroupView => g !== undefined);

/** Every kind that ran failed, for one cause: said once instead of once per kind. */
export interface SearchFailure {
  error: AppError;
  kinds: EntityKind[];
}

/** Same cause = same code (and, for a 403, the same permission). Retry-After may differ per request. */
const causeOf = (error: AppError | undefined) => (error ? `${error.code}|${error.permission ?? ''}` : '');

/**
 * The search could not run: it is answered (`done`), no kind answered (not even with an empty list) and every
 * kind that failed failed for the same reason. Kinds the server does not offer ('unsupported') did not run and
 * keep their own quiet note. Null otherwise: mixed causes keep one note per kind.
 */
export function searchFailure(state: ResultsState, filter: Filter): SearchFailure | null {
  if (state.phase !== 'done' || state.fail) return null;
  const groups = shownGroups(state, filter);
  if (groups.some((g) => g.state === 'ok')) return null;
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
export function groupNotes(state: ResultsState, filter: Filter): GroupView[] {
  const groups = shownGroups(state, filter);
  const notes = groups.filter((g) => g.state !== 'ok');
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
  if (groups.some((g) => g.state === 'ok' && g.items.length > 0) || !groups.some((g) => g.state === 'error')) return null;
  return groups.some((g) => g.state === 'ok') ? 'some' : 'all';
}

export function optionKey(entity: Entity): string {
  return `${entity.kind}:${entity.id}`;
}

/** An emptied search box: nothing to show, no need to wait for the worker's (empty) answer. */
export function searchCleared(state: ResultsState, id: number): ResultsState {
  return { ...EMPTY_RESULTS, searchId: id, shownId: id, phase: 'idle' };
}
