import { describe, expect, it } from 'vitest';
import { parseBatch, readPages } from './paging.ts';
import { ShapeError, type Reader } from './parse.ts';
import type { Batch } from './types.ts';

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

/** A paged list served the way Space does: offsets as `next`, `next` = end offset on the last page. */
function pagedSource(total: number, pageSize: number) {
  const calls: (string | undefined)[] = [];
  const fetchPage = async (skip: string | undefined): Promise<Batch<number>> => {
    calls.push(skip);
    const start = Number(skip ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
    const end = start + items.length;
    return { items, next: end >= total ? null : String(end), totalCount: total };
  };
  return { calls, fetchPage };
}

describe('readPages', () => {
  it('reads until the data runs out', async () => {
    const source = pagedSource(25, 10);
    const result = await readPages(source.fetchPage, { maxPages: 10, maxItems: 100 });
    expect(result.items).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(result).toMatchObject({ next: null, totalCount: 25, pages: 3, truncated: false });
    expect(source.calls).toEqual([undefined, '10', '20']);
  });

  it('stops at maxPages and says where to resume', async () => {
    const source = pagedSource(100, 10);
    const result = await readPages(source.fetchPage, { maxPages: 2, maxItems: 100 });
    expect(result.items).toHaveLength(20);
    expect(result).toMatchObject({ next: '20', pages: 2, truncated: true });
  });

  it('cuts the last page to maxItems', async () => {
    const source = pagedSource(100, 10);
    const result = await readPages(source.fetchPage, { maxPages: 10, maxItems: 15 });
    expect(result.items).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(result).toMatchObject({ pages: 2, truncated: true });
  });

  it('is not truncated when maxItems ends exactly on the last item', async () => {
    const result = await readPages(pagedSource(20, 10).fetchPage, { maxPages: 10, maxItems: 20 });
    expect(result).toMatchObject({ pages: 2, truncated: false, next: null });
  });

  it('stops on an empty page', async () => {
    let calls = 0;
    const result = await readPages(async () => {
      calls += 1;
      return { items: [], next: 'more', totalCount: null };
    }, { maxPages: 10, maxItems: 10 });
    expect(calls).toBe(1);
    expect(result).toMatchObject({ items: [], truncated: false });
  });

  it('stops when next does not move (a server loop)', async () => {
    let calls = 0;
    const result = await readPages(async () => {
      calls += 1;
      return { items: [calls], next: 'same', totalCount: null };
    }, { maxPages: 10, maxItems: 100 });
    expect(calls).toBe(2);
    expect(result.items).toEqual([1, 2]);
    expect(result.truncated).toBe(false);
  });

  it('propagates a page failure', async () => {
    await expect(readPages(async () => { throw new Error('boom'); }, { maxPages: 3, maxItems: 3 })).rejects.toThrow('boom');
  });
});
