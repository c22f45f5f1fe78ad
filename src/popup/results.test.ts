import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../shared/kinds.ts';
import type { AppError, GroupMessage } from '../shared/protocol.ts';
import type { Entity, EntityKind } from '../shared/kinds.ts';
import type { Person } from '../space/types.ts';
import type { Team } from '../kinds/team/entity.ts';
import {
  EMPTY_RESULTS,
  resultGroups,
  resultsFromLastView,
  searchCleared,
  searchSent,
  type ResultsState,
} from './results.ts';
import { failedWithoutResults, groupNotes, searchFailure } from './search-outcome.ts';
import { messageReceived } from './search-answer.ts';

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
  it('keeps a group\'s count of unreadable results (issue 15, item 7)', () => {
    const s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')], { unreadable: 2 }));
    expect(s.groups.person).toEqual({ kind: 'person', state: 'ok', items: [person('a')], cached: false, unreadable: 2 });
    const none = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    expect(none.groups.person).not.toHaveProperty('unreadable');
  });

  it('keeps the one project a group searched (`ABC login`, issue 14 item 6), and none where none was', () => {
    const s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')], { project: 'NAV' }));
    expect(s.groups.person).toMatchObject({ project: 'NAV' });
    const none = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    expect(none.groups.person).not.toHaveProperty('project');
  });

  it('a kind whose every result was unreadable has no rows: it gets a note, and "nothing found" is not claimed', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [], { unreadable: 1 }));
    s = messageReceived(s, group(1, 'team', []));
    s = messageReceived(s, { type: 'done', id: 1 });
    expect(resultGroups(s, 'all')).toEqual([]);
    expect(groupNotes(s, 'all').map((g) => g.kind)).toEqual(['person']);
    expect(failedWithoutResults(s, 'all')).toBe('some');
  });

  it('ignores answers to searches that are no longer the latest', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = searchSent(s, 2);
    const after = messageReceived(s, group(1, 'person', [person('old')]));
    expect(after).toBe(s);
    expect(messageReceived(s, { type: 'done', id: 1 })).toBe(s);
    expect(messageReceived(s, { type: 'fail', id: 1, error: { code: 'unauthorized' } })).toBe(s);
  });

  it('keeps the previous results on screen, held in place, until the new search answers each kind', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = messageReceived(s, group(1, 'team', [team('t')]));
    s = searchSent(s, 2);
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person', 'team']);
    // The first answer (the local directory's, in the keystroke's turn) does not drop the other kinds' rows.
    s = messageReceived(s, group(2, 'team', [team('u')]));
    expect(resultGroups(s, 'all').map((g) => [g.kind, g.items.map((e) => e.id), g.cached])).toEqual([
      ['person', ['a'], true],
      ['team', ['u'], false],
    ]);
    expect(s.held).toEqual(['person']);
    s = messageReceived(s, group(2, 'person', [person('b')]));
    // Display order is fixed by kind, not by arrival.
    expect(resultGroups(s, 'all').map((g) => [g.kind, g.items.map((e) => e.id)])).toEqual([['person', ['b']], ['team', ['u']]]);
    expect(s.held).toEqual([]);
  });

  it('drops a held group the new search never answered once it is done', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'issue', [person('old')]));
    s = searchSent(s, 2);
    s = messageReceived(s, group(2, 'person', [person('p')]));
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person', 'issue']);
    s = messageReceived(s, { type: 'done', id: 2 });
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person']);
    expect(s.held).toEqual([]);
  });

  it('a failed search holds nothing', () => {
    let s = messageReceived(searchSent(EMPTY_RESULTS, 1), group(1, 'person', [person('a')]));
    s = searchSent(s, 2);
    s = messageReceived(s, { type: 'fail', id: 2, error: { code: 'unauthorized' } });
    expect(resultGroups(s, 'all')).toEqual([]);
    expect(s.held).toEqual([]);
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
    s = messageReceived(s, { type: 'fail', id: 1, error: { code: 'unauthorized' } });
    expect(resultGroups(s, 'all')).toEqual([]);
    expect(s.fail?.code).toBe('unauthorized');
  });

  it('separates quiet per-kind notes from results and honours the filter', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, group(1, 'person', [person('a')]));
    s = messageReceived(s, { type: 'group', id: 1, kind: 'issue', state: 'error', items: [], cached: false, error: { code: 'forbidden', permission: 'Project.Issues.View' } });
    s = messageReceived(s, { type: 'group', id: 1, kind: 'review', state: 'unsupported', items: [], cached: false });
    expect(resultGroups(s, 'all').map((g) => g.kind)).toEqual(['person']);
    expect(groupNotes(s, 'all').map((g) => g.kind)).toEqual(['issue', 'review']);
    expect(resultGroups(s, 'team')).toEqual([]);
    expect(groupNotes(s, 'review').map((g) => g.kind)).toEqual(['review']);
    // Issues alone, nothing on screen: the failure waits for the end of the search (then said once).
    expect(groupNotes(s, 'issue')).toEqual([]);
    expect(searchFailure(messageReceived(s, { type: 'done', id: 1 }), 'issue')?.kinds).toEqual(['issue']);
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

describe('one failure, one message', () => {
  const failed = (id: number, kind: EntityKind, error: AppError): GroupMessage =>
    ({ type: 'group', id, kind, state: 'error', items: [], cached: false, error });
  const unreachable: AppError = { code: 'unreachable' };
  const server: AppError = { code: 'server' };
  const everyKindFails = (error: (kind: EntityKind) => AppError, done = true): ResultsState => {
    let s = searchSent(EMPTY_RESULTS, 1);
    for (const kind of ALL_KINDS) s = messageReceived(s, failed(1, kind, error(kind)));
    return done ? messageReceived(s, { type: 'done', id: 1 }) : s;
  };

  it('every kind failing for the same cause is one failure, and no per-kind notes', () => {
    const s = everyKindFails(() => unreachable);
    expect(searchFailure(s, 'all')).toEqual({ error: unreachable, kinds: [...ALL_KINDS] });
    expect(groupNotes(s, 'all')).toEqual([]);
    expect(failedWithoutResults(s, 'all')).toBe('all');
  });

  it('empty answers of the local directory do not hide that every kind asking Space failed for one cause', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    const local: EntityKind[] = ['person', 'team', 'location', 'project', 'repository', 'channel'];
    for (const kind of local) s = messageReceived(s, { ...group(1, kind, []), local: true });
    for (const kind of ALL_KINDS.filter((k) => !local.includes(k))) s = messageReceived(s, failed(1, kind, server));
    s = messageReceived(s, { type: 'done', id: 1 });
    expect(searchFailure(s, 'all')?.kinds).toEqual(ALL_KINDS.filter((k) => !local.includes(k)));
    // A local row, or an empty answer from Space itself, is an answer: then one note per failing kind.
    const withRow = messageReceived(messageReceived(searchSent(s, 2), { ...group(2, 'person', [person('a')]), local: true }), failed(2, 'issue', server));
    expect(searchFailure(messageReceived(withRow, { type: 'done', id: 2 }), 'all')).toBeNull();
    const spaceEmpty = messageReceived(messageReceived(searchSent(s, 3), group(3, 'person', [])), failed(3, 'issue', server));
    expect(searchFailure(messageReceived(spaceEmpty, { type: 'done', id: 3 }), 'all')).toBeNull();
  });

  it('is decided once the search is done; until then failures are held back while nothing is shown', () => {
    const s = everyKindFails(() => unreachable, false);
    expect(searchFailure(s, 'all')).toBeNull();
    expect(groupNotes(s, 'all')).toEqual([]);
    // Once something is on screen, a failing kind's note shows at once.
    const withResults = messageReceived(s, group(1, 'person', [person('a')]));
    expect(groupNotes(withResults, 'all').map((g) => g.kind)).toEqual(ALL_KINDS.filter((k) => k !== 'person'));
  });

  it('mixed causes keep one note per kind', () => {
    const s = everyKindFails((kind) => (kind === 'issue' ? server : unreachable));
    expect(searchFailure(s, 'all')).toBeNull();
    expect(groupNotes(s, 'all').map((g) => g.kind)).toEqual([...ALL_KINDS]);
    expect(failedWithoutResults(s, 'all')).toBe('all');
  });

  it('a 403 is the same cause only for the same permission', () => {
    const forbidden = (permission: string): AppError => ({ code: 'forbidden', permission });
    expect(searchFailure(everyKindFails(() => forbidden('Profile.View')), 'all')).not.toBeNull();
    expect(searchFailure(everyKindFails((kind) => forbidden(kind === 'team' ? 'Team.View' : 'Profile.View')), 'all')).toBeNull();
  });

  it('takes the longest Retry-After of the kinds', () => {
    const s = everyKindFails((kind) => ({ code: 'rate-limited', retryAfterMs: kind === 'team' ? 9000 : 1000 }));
    expect(searchFailure(s, 'all')?.error.retryAfterMs).toBe(9000);
  });

  it('kinds the server does not offer keep their quiet note next to the one failure', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, { type: 'group', id: 1, kind: 'review', state: 'unsupported', items: [], cached: false });
    for (const kind of ALL_KINDS.filter((k) => k !== 'review')) s = messageReceived(s, failed(1, kind, server));
    s = messageReceived(s, { type: 'done', id: 1 });
    expect(searchFailure(s, 'all')?.kinds).toHaveLength(ALL_KINDS.length - 1);
    expect(groupNotes(s, 'all').map((g) => [g.kind, g.state])).toEqual([['review', 'unsupported']]);
  });

  it('some kinds failing and the rest empty is not "the search could not run", nor "nothing found"', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, group(1, 'person', []));
    s = messageReceived(s, failed(1, 'team', unreachable));
    s = messageReceived(s, { type: 'done', id: 1 });
    expect(searchFailure(s, 'all')).toBeNull();
    expect(groupNotes(s, 'all').map((g) => g.kind)).toEqual(['team']);
    expect(failedWithoutResults(s, 'all')).toBe('some');
    // With results on screen the failure is just a note.
    s = messageReceived(searchSent(s, 2), group(2, 'person', [person('a')]));
    s = messageReceived(s, failed(2, 'team', unreachable));
    expect(failedWithoutResults(s, 'all')).toBeNull();
  });

  it('a page-level failure is not also a search failure', () => {
    const s = messageReceived(everyKindFails(() => unreachable, false), { type: 'fail', id: 1, error: { code: 'unauthorized' } });
    expect(searchFailure(s, 'all')).toBeNull();
  });

  it('follows the filter: only the shown kinds count', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, failed(1, 'team', unreachable));
    s = messageReceived(s, { type: 'done', id: 1 });
    expect(searchFailure(s, 'team')?.kinds).toEqual(['team']);
    expect(searchFailure(s, 'person')).toBeNull();
  });
});

describe('missing keys', () => {
  it('keeps what a key query found missing until the next search', () => {
    let s = searchSent(EMPTY_RESULTS, 1);
    s = messageReceived(s, group(1, 'issue', []));
    s = messageReceived(s, { type: 'done', id: 1, missing: { kind: 'issue', key: 'ABC-T-99999' } });
    expect(s.missing).toEqual({ kind: 'issue', key: 'ABC-T-99999' });
    expect(searchSent(s, 2).missing).toBeNull();
  });
});
