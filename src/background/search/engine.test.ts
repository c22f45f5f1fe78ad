import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../../kinds/test-support/fixtures.ts';
import type { Entity } from '../../shared/kinds.ts';
import { keepingOrder } from './engine.ts';

const person = (id: string, title = id): Entity => ({ ...fixtureOf('person', (n) => `${id}-${n}`), id, title });

describe('keepingOrder (a row never jumps when Space answers after the directory)', () => {
  it('keeps every shown row at its place, refreshed by Space’s copy, and adds what Space found besides after them', () => {
    const shown = [person('a'), person('b'), person('c')];
    const fresh = [person('d'), person('b', 'B renamed'), person('a')];
    expect(keepingOrder(shown, fresh).map((e) => [e.id, e.title])).toEqual([['a', 'a'], ['b', 'B renamed'], ['c', 'c'], ['d', 'd']]);
  });

  it('property: shown ids are a prefix in their order, nothing is lost or doubled', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 8 });
    fc.assert(fc.property(ids, ids, (shownIds, freshIds) => {
      const merged = keepingOrder(shownIds.map((id) => person(id)), freshIds.map((id) => person(id, `${id}!`))).map((e) => e.id);
      expect(merged.slice(0, shownIds.length)).toEqual(shownIds);
      expect(new Set(merged)).toEqual(new Set([...shownIds, ...freshIds]));
      expect(merged).toHaveLength(new Set([...shownIds, ...freshIds]).size);
      // What Space added keeps Space's order.
      expect(merged.slice(shownIds.length)).toEqual(freshIds.filter((id) => !shownIds.includes(id)));
    }));
  });
});
