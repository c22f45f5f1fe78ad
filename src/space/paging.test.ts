import { describe, expect, it } from 'vitest';
import { parseBatch } from './paging.ts';
import { ShapeError, type Reader } from './parse.ts';

const id = (r: Reader) => r.id('id');

describe('parseBatch', () => {
  it('maps the items and keeps next while there is more', () => {
    const batch = parseBatch({ next: '2', totalCount: 3, data: [{ id: 'a' }, { id: 'b' }] }, id);
    expect(batch).toEqual({ items: ['a', 'b'], next: '2', totalCount: 3 });
  });

  it('ends when next equals the total count (Space keeps next on the last page)', () => {
    expect(parseBatch({ next: '3', totalCount: 3, data: [{ id: 'c' }] }, id).next).toBeNull();
  });

  it('ends on empty data, an empty next and a missing next', () => {
    expect(parseBatch({ next: '5', totalCount: null, data: [] }, id).next).toBeNull();
    expect(parseBatch({ next: '', data: [{ id: 'a' }] }, id).next).toBeNull();
    expect(parseBatch({ data: [{ id: 'a' }] }, id).next).toBeNull();
  });

  it('keeps an opaque cursor when the total is unknown', () => {
    expect(parseBatch({ next: 'cursor-xyz', totalCount: null, data: [{ id: 'a' }] }, id))
      .toEqual({ items: ['a'], next: 'cursor-xyz', totalCount: null });
  });

  it('ignores unknown fields', () => {
    expect(parseBatch({ next: '1', totalCount: 2, data: [{ id: 'a', extra: 1 }], $errors: [] }, id).items).toEqual(['a']);
  });

  it.each([
    [null, '$'],
    [[], '$'],
    [{ next: '1' }, '$.data'],
    [{ data: {} }, '$.data'],
    [{ data: [{ id: 'a' }, null] }, '$.data[1]'],
    [{ data: [{ id: 7 }] }, '$.data[0].id'],
    [{ data: [], next: 3 }, '$.next'],
    [{ data: [], totalCount: '3' }, '$.totalCount'],
  ])('rejects %j at %s', (raw, path) => {
    try {
      parseBatch(raw, id);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      expect((e as ShapeError).path).toBe(path);
    }
  });
});
