import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../kinds/test-support/fixtures.ts';
import { PINNED_KEY, RECENT_KEY, WAITING_KEY } from '../shared/home.ts';
import { readHome } from './home-lists.ts';

const person = (id: string) => ({ ...fixtureOf('person', (n) => `${id}-${n}`), id, title: `Person ${id}` });
const entry = (id: string) => ({ entity: person(id), at: 1 });

describe('readHome (the empty box from storage, before the first frame)', () => {
  it('keeps the lists of the stored connection, from either area (session-only lists live in storage.session)', () => {
    const session = { [RECENT_KEY]: { connection: 'c1', items: [entry('a')] } };
    const local = {
      [RECENT_KEY]: { connection: 'old', items: [entry('x')] },
      [PINNED_KEY]: { connection: 'c1', items: [entry('p')] },
      [WAITING_KEY]: { connection: 'c1', items: [{ entity: person('w'), reason: 'assigned', project: 'ABC', since: null }], at: 5, notes: [] },
    };
    const home = readHome([session, local], 'c1');
    expect(home.recent.map((e) => e.entity.id)).toEqual(['a']);
    expect(home.pinned.map((e) => e.entity.id)).toEqual(['p']);
    expect(home.waiting?.items.map((e) => e.entity.id)).toEqual(['w']);
    expect(home.waiting?.at).toBe(5);
  });

  it('shows nothing of another connection, of none, or in a private window (connection null)', () => {
    const local = { [RECENT_KEY]: { connection: 'old', items: [entry('x')] }, [WAITING_KEY]: { connection: 'old', items: [] } };
    expect(readHome([{}, local], 'c1')).toEqual({ pinned: [], waiting: null, recent: [] });
    expect(readHome([{}, { [RECENT_KEY]: { items: [entry('x')] } }], null)).toEqual({ pinned: [], waiting: null, recent: [] });
    expect(readHome([{}, { [RECENT_KEY]: { connection: null, items: [entry('x')] } }], null).recent).toEqual([]);
  });

  it('drops malformed entries (older version, hand-edited) and keeps the rest', () => {
    const items = [
      entry('ok1'), null, 'text', { entity: null }, { entity: { ...person('k'), kind: 'spaceship' } },
      { entity: { ...person('t'), title: 42 } }, { entity: { ...person('u'), webUrl: undefined } }, { entity: { ...person('i'), id: 7 } },
      entry('ok2'),
    ];
    const home = readHome([{ [PINNED_KEY]: { connection: 'c1', items } }, { [RECENT_KEY]: { connection: 'c1', items: 'nope' } }], 'c1');
    expect(home.pinned.map((e) => e.entity.id)).toEqual(['ok1', 'ok2']);
    expect(home.recent).toEqual([]);
  });

  it('a Waiting list without usable notes still paints its rows (notes are checked where they are said)', () => {
    const home = readHome([{ [WAITING_KEY]: { connection: 'c1', items: [{ entity: person('w'), reason: 'your-turn', project: 'ABC', since: 1 }, { entity: 3 }], at: 1, notes: 'x' } }], 'c1');
    expect(home.waiting?.items).toHaveLength(1);
  });
});
