import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeIndexFor } from './nav.ts';
import { moveActive, type NavMove } from './nav-move.ts';

const arbMove = fc.constantFrom<NavMove>('next', 'prev', 'first', 'last');

describe('moveActive', () => {
  it('stays inside the list (or -1 when it is empty) for any sequence of keys', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.array(arbMove, { maxLength: 60 }), (count, moves) => {
      let active = -1;
      for (const m of moves) {
        active = moveActive(active, count, m);
        if (count === 0) expect(active).toBe(-1);
        else expect(active >= 0 && active < count).toBe(true);
      }
    }));
  });

  it('next then prev comes back (wrapping at both ends)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (count, seed) => {
      const start = seed % count;
      expect(moveActive(moveActive(start, count, 'next'), count, 'prev')).toBe(start);
      expect(moveActive(moveActive(start, count, 'prev'), count, 'next')).toBe(start);
    }));
  });

  it('count presses of ↓ go all the way round', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (count, seed) => {
      const start = seed % count;
      let a = start;
      for (let i = 0; i < count; i++) a = moveActive(a, count, 'next');
      expect(a).toBe(start);
    }));
  });

  it('knows the ends', () => {
    expect(moveActive(3, 5, 'first')).toBe(0);
    expect(moveActive(0, 5, 'last')).toBe(4);
    expect(moveActive(-1, 5, 'next')).toBe(0);
    expect(moveActive(-1, 5, 'prev')).toBe(4);
    expect(moveActive(4, 5, 'next')).toBe(0);
    expect(moveActive(0, 5, 'prev')).toBe(4);
    // An index left over from a longer list snaps back in.
    expect(moveActive(9, 5, 'next')).toBe(0);
    expect(moveActive(9, 5, 'prev')).toBe(4);
  });
});

describe('activeIndexFor', () => {
  it('follows the active item when groups arrive before it', () => {
    expect(activeIndexFor(['person:1', 'person:2'], 'person:2')).toBe(1);
    // More people arrived above the active one: the highlight stays on the same person.
    expect(activeIndexFor(['person:0', 'person:1', 'person:2'], 'person:2')).toBe(2);
  });

  it('falls back to the first result when the active one is gone, and -1 for no results', () => {
    expect(activeIndexFor(['a', 'b'], 'zzz')).toBe(0);
    expect(activeIndexFor(['a', 'b'], null)).toBe(0);
    expect(activeIndexFor([], 'a')).toBe(-1);
  });

  it('is always a valid index', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 20 }), fc.option(fc.string()), (keys, key) => {
      const i = activeIndexFor(keys, key);
      if (keys.length === 0) expect(i).toBe(-1);
      else {
        expect(i >= 0 && i < keys.length).toBe(true);
        if (key !== null && keys.includes(key)) expect(keys[i]).toBe(key);
      }
    }));
  });
});
