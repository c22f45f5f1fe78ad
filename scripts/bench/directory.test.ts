import { describe, expect, it } from 'vitest';
import { DIRECTORY_KINDS } from '../../src/shared/directory.ts';
import { keystrokeLatencies } from './directory-latency.ts';

/** Every directory kind answering search `id`, painted at `paint`. */
const answered = (id: number, paint: number, kinds: readonly string[] = DIRECTORY_KINDS) =>
  kinds.map((kind) => ({ at: paint - 5, id, kind, items: 1, cached: false, paint }));

describe('keystroke → directory groups painted', () => {
  it('times each keystroke to the frame of the last directory kind answering exactly its text', () => {
    const r = keystrokeLatencies({
      keys: [{ at: 0, value: 'j' }, { at: 50, value: 'jo' }],
      out: [{ at: 1, type: 'search', id: 1, query: 'j' }, { at: 51, type: 'search', id: 2, query: 'jo' }],
      groups: [...answered(1, 12), { at: 30, id: 1, kind: 'issue', items: 1, cached: false, paint: 500 }, ...answered(2, 70)],
    });
    expect(r.all).toEqual([12, 20]);
    expect(r.last).toEqual([20]);
    expect(r.painted).toBe(2);
    expect(r.keystrokes).toBe(2);
  });

  it('counts a keystroke never searched, or with a directory kind missing, as not painted', () => {
    const r = keystrokeLatencies({
      keys: [{ at: 0, value: 'j' }, { at: 50, value: 'jo' }, { at: 100, value: 'joa' }],
      // 'j' was never sent (debounced); 'jo' lost its channel group to the next key.
      out: [{ at: 51, type: 'search', id: 2, query: 'jo' }, { at: 200, type: 'search', id: 3, query: 'joa' }],
      groups: [...answered(2, 90, DIRECTORY_KINDS.slice(0, 5)), ...answered(3, 600)],
    });
    expect(r.all).toEqual([500]);
    expect(r.last).toEqual([500]);
    expect(r.painted).toBe(1);
    expect(r.keystrokes).toBe(3);
  });

  it('ends a query at the key before the box is emptied, and ignores an empty box', () => {
    const r = keystrokeLatencies({
      keys: [{ at: 0, value: 'a' }, { at: 10, value: '' }, { at: 20, value: 'b' }],
      out: [{ at: 1, type: 'search', id: 1, query: 'a' }, { at: 21, type: 'search', id: 3, query: 'b' }],
      groups: [...answered(1, 40), ...answered(3, 30)],
    });
    expect(r.last).toEqual([40, 10]);
    expect(r.keystrokes).toBe(2);
  });
});
