import { describe, expect, it } from 'vitest';
import type { Entity } from '../shared/protocol.ts';
import type { Person, Team } from '../space/types.ts';
import {
  EMPTY_RESULTS,
  groupNotes,
  messageReceived,
  resultGroups,
  resultsFromLastView,
  searchCleared,
  searchSent,
} from './results.ts';

const person = (id: string): Person => ({
  kind: 'person', id, title: `Person ${id}`, webUrl: `https://s.example/m/${id}`, username: id, firstName: 'P', lastName: id,
  avatarId: null, emails: [], phones: [], positions: [], teams: [], locations: [], timeZone: null,
});
const team = (id: string): Team => ({
  kind: 'team', id, title: `Team ${id}`, webUrl: `https://s.example/team?team=${id}`, name: `Team ${id}`, description: '',
  parent: null, lead: null, memberCount: null,
});
const group = (id: number, kind: Entity['kind'], items: Entity[], extra = {}) =>
  ({ type: 'group', id, kind, state: 'ok', items, cached: false, ...extra }) as const;

describe('results reducer', () => {
  it('ignores answers to searches that are no longer the latest', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = searchSent(s, 2);
    const after = messageReceived(s, group(1, 'person', [person('old')]));
    expect(after).toBe(s);
    expect(messageReceived(s, { type: 'done', id: 1 })).toBe(s);
    expect(messageReceived(s, { type: 'fail', id: 1, error: { code: 'unauthorized', message: '', hint: '' } })).toBe(s);
  });

  it('keeps the previous results on screen until the new search answers, then replaces them', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = messageReceived(s, group(1, 'team', [team('t')]));
    s = searchSent(s, 2);
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person', 'team']);
    s = messageReceived(s, group(2, 'team', [team('u')]));
    expect(resultGroups(s, 'all').map((g) => [g.kind, g.items.map((e) => e.id)])).toEqual([['team', ['u']]]);
    s = messageReceived(s, group(2, 'person', [person('b')]));
    // Display order is fixed by kind, not by arrival.
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person', 'team']);
  });

  it('replaces a cached group with the fresh one for the same kind', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, group(1, 'person', [person('cached')], { cached: true }));
    s = messageReceived(s, group(1, 'person', [person('fresh')]));
    expect(resultGroups(s, 'all')[0]!.items.map((e) => e.id)).toEqual(['fresh']);
    expect(resultGroups(s, 'all')[0]!.cached).toBe(false);
  });

  it('done without any group means nothing was found', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = searchSent(s, 2);
    s = messageReceived(s, { type: 'done', id: 2 });
    expect(resultGroups(s, 'all')).toEqual([]);
    expect(s.phase).toBe('done');
  });

  it('remembers the exact match of a key query', () => {
    const exact = person('x');
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [exact]));
    s = messageReceived(s, { type: 'done', id: 1, exact });
    expect(s.exact).toBe(exact);
    expect(searchSent(s, 2).exact).toBeNull();
  });

  it('a failure clears results and is kept for the page to show', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = messageReceived(s, { type: 'fail', id: 1, error: { code: 'unauthorized', message: '', hint: '' } });
    expect(resultGroups(s, 'all')).toEqual([]);
    expect(s.fail?.code).toBe('unauthorized');
  });

  it('separates quiet per-kind notes from results and honours the filter', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, group(1, 'person', [person('a')]));
    s = messageReceived(s, { type: 'group', id: 1, kind: 'issue', state: 'error', items: [], cached: false, error: { code: 'forbidden', message: '', hint: '', permission: 'Project.Issues.View' } });
    s = messageReceived(s, { type: 'group', id: 1, kind: 'review', state: 'unsupported', items: [], cached: false });
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person']);
    expect(groupNotes(s, 'all').map((g) => g.kind)).toEqual(['issue', 'review']);
    expect(resultGroups(s, 'team')).toEqual([]);
    expect(groupNotes(s, 'issue').map((g) => g.kind)).toEqual(['issue']);
  });

  it('paints the last view as cached groups, dropping items of the wrong kind', () => {
    const s = resultsFromLastView({ groups: { person: [person('a'), team('t') as unknown as Person], team: [] } });
    expect(resultGroups(s, 'all').map((g) => [g.kind, g.items.length, g.cached])).toEqual([['person', 1, true]]);
    expect(resultsFromLastView(null)).toBe(EMPTY_RESULTS);
  });

  it('an emptied box clears at once and ignores the late answers of the old text', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = searchCleared(s, 2);
    expect(resultGroups(s, 'all')).toEqual([]);
    s = messageReceived(s, group(1, 'team', [team('late')]));
    expect(resultGroups(s, 'all')).toEqual([]);
  });
});
