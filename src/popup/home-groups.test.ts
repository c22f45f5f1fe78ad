// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../kinds/test-support/fixtures.ts';
import type { WaitingEntry } from '../shared/home.ts';
import type { Entity } from '../shared/kinds.ts';
import { homeGroups } from './home-groups.ts';
import { NO_HOME } from './home-lists.ts';

const person = (id: string): Entity => ({ ...fixtureOf('person', (n) => `${id}-${n}`), id, title: id });
const review = (n: number): Entity => ({ ...fixtureOf('review', (i) => `r${n}-${i}`), id: `r${n}`, title: `Review ${n}`, key: `ABC-MR-${n}` });
const NOW = 1_700_000_000_000;
const age = (at: number, now: number) => `${Math.round((now - at) / 60_000)} min ago`;
const waiting = (items: WaitingEntry[], extra: object = {}) => ({ connection: 'c', items, at: NOW, notes: [], ...extra });

describe('homeGroups (the empty box as listbox groups)', () => {
  it('Pinned, then Waiting for you, then Recent; each item once, in the first list that holds it', () => {
    const groups = homeGroups({
      pinned: [{ entity: person('a'), at: 1 }, { entity: person('gone'), at: 2, gone: true }],
      waiting: waiting([{ entity: review(5), reason: 'your-turn', project: 'ABC', since: NOW - 3 * 60_000 }, { entity: person('a'), reason: 'assigned', project: 'ABC', since: null }]),
      recent: [{ entity: person('b'), at: 3 }, { entity: review(5), at: 4 }, { entity: person('a'), at: 5 }],
    }, NOW, age);
    expect(groups.map((g) => [g.id, g.items.map((e) => e.id)])).toEqual([['pinned', ['a', 'gone']], ['waiting', ['r5']], ['recent', ['b']]]);
    // Why each row is there: Space no longer finds a pin; a review waits as the user's turn, with project and age.
    expect(groups[0]!.marks).toEqual([undefined, 'home_gone']);
    expect(groups[1]!.marks).toEqual(['home_yourTurn\nABC · 3 min ago']);
    expect(groups.map((g) => g.label)).toEqual(['home_pinned', 'home_waiting', 'home_recent']);
  });

  it('no age before the extras bring the formatter, and none where Space gave no date', () => {
    const list = waiting([{ entity: review(1), reason: 'assigned', project: 'WEB', since: NOW }, { entity: review(2), reason: 'assigned', project: 'WEB', since: null }]);
    expect(homeGroups({ ...NO_HOME, waiting: list }, NOW)[0]!.marks).toEqual(['home_assigned\nWEB', 'home_assigned\nWEB']);
    expect(homeGroups({ ...NO_HOME, waiting: list }, NOW, age)[0]!.marks).toEqual(['home_assigned\nWEB · 0 min ago', 'home_assigned\nWEB']);
  });

  it('nothing waiting: one calm line beside the name; a failed refresh: the old rows, marked not up to date', () => {
    expect(homeGroups({ ...NO_HOME, waiting: waiting([]) }, NOW)).toEqual([
      expect.objectContaining({ id: 'waiting', items: [], aside: 'home_nothingWaits', cached: false }),
    ]);
    const stale = homeGroups({ ...NO_HOME, waiting: waiting([{ entity: review(1), reason: 'your-turn', project: 'ABC', since: null }], { stale: { code: 'unreachable' } }) }, NOW);
    expect(stale).toEqual([expect.objectContaining({ id: 'waiting', aside: 'home_stale', cached: true })]);
    expect(stale[0]!.items).toHaveLength(1);
  });

  it('empty lists make no group; never refreshed (null) makes no Waiting group', () => {
    expect(homeGroups(NO_HOME, NOW)).toEqual([]);
  });
});
