import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapEach, parseBatch } from './paging.ts';
import { ShapeError, readArrayElements, type Reader } from './parse.ts';

const id = (r: Reader) => r.id('id');

describe('parseBatch', () => {
  it('maps the items and keeps next while there is more', () => {
    const batch = parseBatch({ next: '2', totalCount: 3, data: [{ id: 'a' }, { id: 'b' }] }, id);
    expect(batch).toEqual({ items: ['a', 'b'], next: '2', totalCount: 3, unreadable: 0 });
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
      .toEqual({ items: ['a'], next: 'cursor-xyz', totalCount: null, unreadable: 0 });
  });

  it('ignores unknown fields', () => {
    expect(parseBatch({ next: '1', totalCount: 2, data: [{ id: 'a', extra: 1 }], $errors: [] }, id).items).toEqual(['a']);
  });

  it('leaves out an element it cannot read and counts it; the readable ones stay, in order', () => {
    expect(parseBatch({ next: '4', totalCount: 9, data: [{ id: 'a' }, null, { id: 7 }, { id: 'd' }] }, id))
      .toEqual({ items: ['a', 'd'], next: '4', totalCount: 9, unreadable: 2 });
  });

  it('a page whose every element is unreadable still has a next page', () => {
    expect(parseBatch({ next: '2', totalCount: 4, data: [{}, 'x'] }, id)).toEqual({ items: [], next: '2', totalCount: 4, unreadable: 2 });
  });

  it('an error that is not about the shape is a bug, and is thrown', () => {
    expect(() => parseBatch({ data: [{ id: 'a' }] }, () => { throw new TypeError('bug'); })).toThrow(TypeError);
  });

  it.each([
    [null, '$'],
    [[], '$'],
    [{ next: '1' }, '$.data'],
    [{ data: {} }, '$.data'],
    [{ data: [], next: 3 }, '$.next'],
    [{ data: [], totalCount: '3' }, '$.totalCount'],
  ])('rejects the envelope %j at %s', (raw, path) => {
    try {
      parseBatch(raw, id);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShapeError);
      expect((e as ShapeError).path).toBe(path);
    }
  });

  /** Elements `mapItem` cannot read: not objects, or an object without a string id. */
  const corrupt = fc.oneof(
    fc.constantFrom(null, 0, 'text', true, [] as unknown[]),
    fc.record({ id: fc.oneof(fc.integer(), fc.constant(''), fc.constant(null), fc.boolean()) }, { requiredKeys: [] }),
  );

  it('property: any batch with k corrupted elements among n keeps exactly the n−k good ones, in order, and reports k', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(
        fc.string({ minLength: 1 }).map((s) => ({ good: true as const, value: { id: s } })),
        corrupt.map((value) => ({ good: false as const, value })),
      ), { maxLength: 30 }),
      (elements) => {
        const batch = parseBatch({ next: null, data: elements.map((e) => e.value) }, id);
        const good = elements.filter((e) => e.good).map((e) => (e.value as { id: string }).id);
        expect(batch.items).toEqual(good);
        expect(batch.unreadable).toBe(elements.length - good.length);
      },
    ));
  });
});

describe('mapEach over a plain array', () => {
  it('property: null elements and unreadable objects are counted, the rest mapped in order', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ minLength: 1 }).map((s) => ({ id: s })), fc.constant(null), fc.constant({ id: 3 }))), (values) => {
      const { items, unreadable } = mapEach(readArrayElements(values), id);
      const good = values.filter((v): v is { id: string } => v !== null && typeof v.id === 'string').map((v) => v.id);
      expect(items).toEqual(good);
      expect(unreadable).toBe(values.length - good.length);
    }));
  });
});
