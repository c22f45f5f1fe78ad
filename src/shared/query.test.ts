import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './protocol.ts';
import { parseQuery, queryCacheKey, sanitizeQuery } from './query.ts';
import { effectiveFilter } from './query-text.ts';

describe('parseQuery', () => {
  it.each([
    ['jo', { query: 'jo', peopleOnly: false }],
    ['  jo   smith ', { query: 'jo smith', peopleOnly: false }],
    ['@jo', { query: 'jo', peopleOnly: true }],
    ['@ jo ', { query: 'jo', peopleOnly: true }],
    ['@', { query: '', peopleOnly: true }],
    ['', { query: '', peopleOnly: false }],
    ['ABC-T-123', { query: 'ABC-T-123', peopleOnly: false, key: { kind: 'issue', projectKey: 'ABC', number: 123 }, projectKeyHint: 'ABC' }],
    ['abc-t-7', { query: 'abc-t-7', peopleOnly: false, key: { kind: 'issue', projectKey: 'ABC', number: 7 }, projectKeyHint: 'ABC' }],
    ['#ABC-T-7', { query: '#ABC-T-7', peopleOnly: false, key: { kind: 'issue', projectKey: 'ABC', number: 7 }, projectKeyHint: 'ABC' }],
    ['MY-PROJ-T-5', { query: 'MY-PROJ-T-5', peopleOnly: false, key: { kind: 'issue', projectKey: 'MY-PROJ', number: 5 }, projectKeyHint: 'MY-PROJ' }],
    ['ABC-MR-12', { query: 'ABC-MR-12', peopleOnly: false, key: { kind: 'review', projectKey: 'ABC', number: 12, type: 'merge-request' }, projectKeyHint: 'ABC' }],
    ['abc-cr-12', { query: 'abc-cr-12', peopleOnly: false, key: { kind: 'review', projectKey: 'ABC', number: 12, type: 'commit-set' }, projectKeyHint: 'ABC' }],
    ['ABC', { query: 'ABC', peopleOnly: false, projectKeyHint: 'ABC' }],
    ['ABC-', { query: 'ABC-', peopleOnly: false, projectKeyHint: 'ABC' }],
    ['ABC-T-', { query: 'ABC-T-', peopleOnly: false, projectKeyHint: 'ABC' }],
    ['abc-mr-', { query: 'abc-mr-', peopleOnly: false, projectKeyHint: 'ABC' }],
    ['abc', { query: 'abc', peopleOnly: false }],
    ['abc-', { query: 'abc-', peopleOnly: false }],
    ['A', { query: 'A', peopleOnly: false }],
    ['123', { query: '123', peopleOnly: false }],
    ['ABC DEF', { query: 'ABC DEF', peopleOnly: false, projectSearch: { projectKey: 'ABC', words: 'DEF' } }],
    // One project by its key (issue 14 item 6): the key in capitals, a space, then words.
    ['ABC login', { query: 'ABC login', peopleOnly: false, projectSearch: { projectKey: 'ABC', words: 'login' } }],
    ['  MY-PROJ   login   page ', { query: 'MY-PROJ login page', peopleOnly: false, projectSearch: { projectKey: 'MY-PROJ', words: 'login page' } }],
    ['abc login', { query: 'abc login', peopleOnly: false }],
    ['Abc login', { query: 'Abc login', peopleOnly: false }],
    ['ABC-T-42 login', { query: 'ABC-T-42 login', peopleOnly: false }],
    ['ABC- login', { query: 'ABC- login', peopleOnly: false }],
    ['#ABC login', { query: '#ABC login', peopleOnly: false }],
    ['@ABC login', { query: 'ABC login', peopleOnly: true }],
    ['login ABC', { query: 'login ABC', peopleOnly: false }],
    ['@ABC-T-1', { query: 'ABC-T-1', peopleOnly: true }],
    ['see ABC-T-1', { query: 'see ABC-T-1', peopleOnly: false }],
    // Key-shaped, but no item can have the number: a mistyped key, not text.
    ['ABC-MR-0', { query: 'ABC-MR-0', peopleOnly: false, impossibleKey: { kind: 'review', projectKey: 'ABC', key: 'ABC-MR-0' }, projectKeyHint: 'ABC' }],
    ['abc-t-000', { query: 'abc-t-000', peopleOnly: false, impossibleKey: { kind: 'issue', projectKey: 'ABC', key: 'ABC-T-0' }, projectKeyHint: 'ABC' }],
    ['#NOPE-CR-99999999999', { query: '#NOPE-CR-99999999999', peopleOnly: false, impossibleKey: { kind: 'review', projectKey: 'NOPE', key: 'NOPE-CR-99999999999' }, projectKeyHint: 'NOPE' }],
  ])('%j', (raw, expected) => {
    expect(parseQuery(raw)).toEqual(expected);
  });

  it('strips control, bidi and zero-width characters', () => {
    expect(parseQuery('jo\u202e\u200bhn\n\tsmith\u0000').query).toBe('jo hn smith');
  });

  it('is total, bounded and single-line for any input (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
      const q = parseQuery(raw);
      expect(q.query.length).toBeLessThanOrEqual(LIMITS.query);
      expect(q.query).not.toMatch(/[\p{Cc}\u202a-\u202e\u200b-\u200f]/u);
      expect(q.query).toBe(q.query.trim());
      if (q.peopleOnly) expect(q.key).toBeUndefined();
      if (q.key) {
        expect(q.key.number).toBeGreaterThan(0);
        expect(q.projectKeyHint).toBe(q.key.projectKey);
        expect(q.key.projectKey).toBe(q.key.projectKey.toUpperCase());
      }
      if (q.projectKeyHint) expect(q.projectKeyHint).toMatch(/^[A-Z][A-Z0-9_-]+$/);
    }), { numRuns: 2000 });
  });

  it('reads a capital project key and words as one project\'s search, the whole text kept (property)', () => {
    const projectKey = fc.stringMatching(/^[A-Z](?:[_-]?[A-Z0-9]){1,9}$/);
    const words = fc.array(fc.stringMatching(/^[^\s@#]{1,12}$/), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(projectKey, words, fc.constantFrom(' ', '  ', '\t'), (project, ws, gap) => {
      const q = parseQuery(`${project}${gap}${ws.join(gap)}`);
      const text = sanitizeQuery(ws.join(' '));
      if (/-(?:T|MR|CR)-\d+$/.test(project) || text === '') return;
      expect(q.projectSearch).toEqual({ projectKey: project, words: text });
      expect(q.query).toBe(`${project} ${text}`);
      expect(q.key).toBeUndefined();
      expect(q.projectKeyHint).toBeUndefined();
    }), { numRuns: 1000 });
  });

  it('never reads lower-case, single-word or key-first text as one project\'s search (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
      const q = parseQuery(raw);
      if (!q.projectSearch) return;
      const [first, ...rest] = q.query.split(' ');
      expect(first).toBe(q.projectSearch.projectKey);
      expect(first).toBe(first!.toUpperCase());
      expect(first).toMatch(/^[A-Z][A-Z0-9_-]*[A-Z0-9]$/);
      expect(rest.join(' ')).toBe(q.projectSearch.words);
      expect(q.projectSearch.words).not.toBe('');
      expect(q.peopleOnly || q.key !== undefined || q.impossibleKey !== undefined || q.projectKeyHint !== undefined).toBe(false);
    }), { numRuns: 3000 });
    // Lower-case project keys are text, whatever follows.
    fc.assert(fc.property(fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/), fc.stringMatching(/^\w{1,10}$/), (k, w) => {
      expect(parseQuery(`${k} ${w}`).projectSearch).toBeUndefined();
    }));
  });

  it('resolves every well-formed key, whatever its case (property)', () => {
    const projectKey = fc.stringMatching(/^[A-Z][A-Z0-9]{1,9}$/);
    fc.assert(fc.property(projectKey, fc.constantFrom('T', 'MR', 'CR'), fc.integer({ min: 1, max: 1e9 }), fc.boolean(),
      (project, marker, n, lower) => {
        const raw = `${project}-${marker}-${n}`;
        const q = parseQuery(lower ? raw.toLowerCase() : raw);
        expect(q.key?.projectKey).toBe(project);
        expect(q.key?.number).toBe(n);
        expect(q.key?.kind).toBe(marker === 'T' ? 'issue' : 'review');
      }));
  });
});

describe('effectiveFilter', () => {
  it.each([
    ['@jo', 'all', 'person'],
    ['  @jo', 'team', 'person'],
    ['\u200b@jo', 'project', 'person'],
    ['jo', 'team', 'team'],
    ['jo@example.com', 'all', 'all'],
    ['', 'issue', 'issue'],
  ] as const)('%j with %s → %s', (raw, chosen, expected) => {
    expect(effectiveFilter(raw, chosen)).toBe(expected);
    expect(effectiveFilter(parseQuery(raw), chosen)).toBe(expected);
  });

  it('the box as typed and the parsed query always agree (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
      expect(effectiveFilter(raw, 'all')).toBe(effectiveFilter(parseQuery(raw), 'all'));
    }), { numRuns: 1000 });
  });
});

describe('queryCacheKey', () => {
  it('gives equal keys to queries with equal meaning', () => {
    expect(queryCacheKey(parseQuery('Jo  Smith'))).toBe(queryCacheKey(parseQuery(' jo smith ')));
    expect(queryCacheKey(parseQuery('abc-t-1'))).toBe(queryCacheKey(parseQuery('#ABC-T-01')));
  });

  it('separates people-only, keys and project hints', () => {
    const keys = ['jo', '@jo', 'ABC', 'abc', 'ABC-MR-1', 'ABC-CR-1', 'ABC-T-1', 'ABC login', 'abc login'].map((q) => queryCacheKey(parseQuery(q)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('sanitizeQuery', () => {
  it('caps without splitting a surrogate pair', () => {
    const s = sanitizeQuery(`${'a'.repeat(9)}😀😀`, 10);
    expect(s).toBe('a'.repeat(9));
  });
});
