/**
 * What a lookup-port message does to the results on screen (results.ts): the reducer for the latest search's
 * answers. It comes with the extras (extras.ts), not in the popup's first frame: no search has answered before that
 * frame is painted, and use-lookup.ts applies answers in the order they came once this module is in.
 */
import { ALL_KINDS, type EntityKind } from '../shared/kinds.ts';
import type { LookupServerMessage, ResultGroup } from '../shared/protocol.ts';
import type { ResultsState } from './results.ts';

export function messageReceived(state: ResultsState, message: LookupServerMessage): ResultsState {
  if (message.id !== state.searchId) return state;
  const fresh = state.shownId !== message.id;
  switch (message.type) {
    case 'group': {
      const { base, held } = fresh ? holdPrevious(state.groups) : { base: state.groups, held: state.held };
      const group: ResultGroup = {
        kind: message.kind,
        state: message.state,
        items: message.state === 'ok' ? message.items : [],
        cached: message.cached,
        ...(message.error ? { error: message.error } : {}),
        ...(message.state === 'ok' && message.unreadable !== undefined && message.unreadable > 0 ? { unreadable: message.unreadable } : {}),
        // `ABC login`: the one project searched, named on the group ("Issues · in ABC").
        ...(message.project !== undefined ? { project: message.project } : {}),
        ...(message.local === true ? { local: true } : {}),
      };
      return {
        ...state, shownId: message.id, groups: { ...base, [message.kind]: group }, fail: null,
        held: held.filter((k) => k !== message.kind),
      };
    }
    case 'done':
      return {
        ...state,
        shownId: message.id,
        groups: fresh ? {} : withoutKinds(state.groups, state.held),
        held: [],
        phase: 'done',
        fail: null,
        exact: message.exact ?? null,
        missing: message.missing ?? null,
      };
    case 'fail':
      return { ...state, shownId: message.id, groups: {}, phase: 'done', fail: message.error, exact: null, missing: null, held: [] };
  }
}

/** The previous search's groups with rows, kept on screen marked as cached (they are no answer to this search). */
function holdPrevious(groups: ResultsState['groups']): { base: ResultsState['groups']; held: EntityKind[] } {
  const base: ResultsState['groups'] = {};
  const held: EntityKind[] = [];
  for (const kind of ALL_KINDS) {
    const g = groups[kind];
    if (g === undefined || g.state !== 'ok' || g.items.length === 0) continue;
    base[kind] = { ...g, cached: true };
    held.push(kind);
  }
  return { base, held };
}

function withoutKinds(groups: ResultsState['groups'], kinds: EntityKind[]): ResultsState['groups'] {
  if (kinds.length === 0) return groups;
  const kept = { ...groups };
  for (const k of kinds) delete kept[k];
  return kept;
}
