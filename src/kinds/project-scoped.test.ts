import { describe, expect, it } from 'vitest';
import { parseQuery } from '../shared/query.ts';
import { SpaceError } from '../space/errors.ts';
import { needsProjectScope, projectScopedQuery, searchAcrossProjects } from './project-scoped.ts';

const items = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}` }));
/** A project's page as the client returns it. */
const page = (list: { id: string }[], unreadable = 0) => ({ items: list, unreadable });
const err = (code: 'not-found' | 'forbidden' | 'cancelled') => new SpaceError(code);

describe('searchAcrossProjects', () => {
  it('merges round-robin, first project first, capped', async () => {
    const lists: Record<string, { id: string }[]> = { A: items('a', 3), B: items('b', 1), C: items('c', 3) };
    const out = await searchAcrossProjects(['A', 'B', 'C'], 5, async (k) => page(lists[k] ?? []));
    expect(out.items.map((x) => x.id)).toEqual(['a0', 'b0', 'c0', 'a1', 'c1']);
    expect(out.unreadable).toBe(0);
  });

  it('adds up the projects\' unreadable items', async () => {
    const out = await searchAcrossProjects(['A', 'B', 'GONE'], 6, async (k) => {
      if (k === 'GONE') throw err('not-found');
      return k === 'A' ? page(items('a', 1), 2) : page([], 1);
    });
    expect(out).toEqual({ items: [{ id: 'a0' }], unreadable: 3 });
  });

  it('skips projects that no longer exist and keeps partial results over other failures', async () => {
    const out = await searchAcrossProjects(['GONE', 'A', 'DENIED'], 6, async (k) => {
      if (k === 'GONE') throw err('not-found');
      if (k === 'DENIED') throw err('forbidden');
      return page(items('a', 2));
    });
    expect(out.items.map((x) => x.id)).toEqual(['a0', 'a1']);
  });

  it('throws the first real error when no project answered', async () => {
    await expect(searchAcrossProjects(['X', 'Y'], 6, async () => { throw err('forbidden'); })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('passes a cancellation on even when some projects answered', async () => {
    await expect(searchAcrossProjects(['A', 'B'], 6, async (k) => {
      if (k === 'B') throw err('cancelled');
      return page(items('a', 1));
    })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('asks nothing for an empty scope', async () => {
    expect(await searchAcrossProjects([], 6, async () => { throw new Error('asked'); })).toEqual({ items: [], unreadable: 0 });
  });
});

describe('projectScopedQuery', () => {
  it.each([
    ['ABC', { query: '', projectOnly: 'ABC' }],
    ['ABC-', { query: '', projectOnly: 'ABC' }],
    ['abc-t-', { query: '', projectOnly: 'ABC' }],
    ['ABC-MR-', { query: '', projectOnly: 'ABC' }],
    ['login', { query: 'login', projectOnly: null }],
    ['ABC-T-12', { query: 'ABC-T-12', projectOnly: null }],
    ['#ABC', { query: '', projectOnly: 'ABC' }],
    ['ABC-MR-3', { query: 'ABC-MR-3', projectOnly: null }],
    ['ABC login', { query: 'ABC login', projectOnly: null }],
    ['@ABC', { query: 'ABC', projectOnly: null }],
  ])('%j', (q, expected) => {
    expect(projectScopedQuery(parseQuery(q))).toEqual(expected);
  });
});

describe('needsProjectScope', () => {
  it.each([
    ['backend', true],
    ['ABC-T-12', false],
    ['abc-mr-3', false],
    ['ABC', false],
    ['@jo', true],
    ['', false],
    ['   ', false],
  ])('%j → %s', (raw, expected) => {
    expect(needsProjectScope(parseQuery(raw))).toBe(expected);
  });
});
