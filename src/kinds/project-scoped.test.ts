import { describe, expect, it } from 'vitest';
import { parseQuery } from '../shared/query.ts';
import { SpaceError } from '../space/errors.ts';
import type { SpaceApi } from '../space/api.ts';
import { needsProjectScope, projectScopedQuery, projectScopedSearch, searchAcrossProjects } from './project-scoped.ts';

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

describe('one project by its key (ABC login)', () => {
  /** Records each `inProject` call; `answer` decides per project. */
  function rig(answer: (projectKey: string, query: string) => { id: string }[] | Error) {
    const calls: [string, string][] = [];
    const search = projectScopedSearch('issue', {
      byKey: async () => { throw new Error('no key here'); },
      inProject: async (_api, projectKey, query) => {
        calls.push([projectKey, query]);
        const out = answer(projectKey, query);
        if (out instanceof Error) throw out;
        return { ...page(out), next: null, totalCount: out.length };
      },
    });
    const scope = ['S1', 'S2'];
    const run = (q: string) => search({} as SpaceApi, parseQuery(q), { signal: new AbortController().signal, top: 6, scopeProjects: async () => scope });
    return { calls, run };
  }

  it('searches that project for the words, outside the scope, and names it', async () => {
    const { calls, run } = rig((k) => items(k.toLowerCase(), 2));
    expect(await run('OUT login page')).toEqual({ items: [{ id: 'out0' }, { id: 'out1' }], unreadable: 0, project: 'OUT' });
    expect(calls).toEqual([['OUT', 'login page']]);
  });

  it('falls back to the scope and the whole text when the key names no project (no error, no name)', async () => {
    const { calls, run } = rig((k) => (k === 'UI' ? err('not-found') : items(k.toLowerCase(), 1)));
    const out = await run('UI bug');
    expect(out).toEqual({ items: [{ id: 's10' }, { id: 's20' }], unreadable: 0 });
    expect(calls).toEqual([['UI', 'bug'], ['S1', 'UI bug'], ['S2', 'UI bug']]);
  });

  it('shows any other failure of that project as the group\'s, without searching elsewhere', async () => {
    const { calls, run } = rig((k) => (k === 'SECRET' ? err('forbidden') : items('x', 1)));
    await expect(run('SECRET plans')).rejects.toMatchObject({ code: 'forbidden' });
    expect(calls).toEqual([['SECRET', 'plans']]);
  });

  it('leaves lower-case text and keys as they were', async () => {
    const { calls, run } = rig((k) => items(k.toLowerCase(), 1));
    expect((await run('abc login')).project).toBeUndefined();
    expect(calls).toEqual([['S1', 'abc login'], ['S2', 'abc login']]);
  });
});
