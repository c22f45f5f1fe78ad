import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ITEM_NUMBER, findKeyInText, formatIssueKey, formatKey, formatReviewKey, isItemNumber, isProjectKeyLike, parseIssueKey,
  parseKey, parseReviewKey,
} from './keys.ts';

describe('issue keys', () => {
  it.each([
    ['ABC-T-123', 'ABC', 123],
    ['abc-t-7', 'ABC', 7],
    [' EDITORCONFIG-T-3 ', 'EDITORCONFIG', 3],
    ['MY-PROJ-T-12', 'MY-PROJ', 12],
    ['A_B-T-1', 'A_B', 1],
    ['AB-T-T-5', 'AB-T', 5],
    ['X1-T-007', 'X1', 7],
  ])('%j → %s #%d', (text, projectKey, number) => {
    expect(parseIssueKey(text)).toEqual({ kind: 'issue', projectKey, number });
  });

  it.each(['', 'ABC', 'ABC-T', 'ABC-T-', 'ABC-T-0', 'A-T-1', '1BC-T-1', 'ABC--T-1', 'ABC-T-1a', 'ABC-MR-1',
    'ABC-T-12345678901234567', '-ABC-T-1', 'ABC_-T-1', 'AB C-T-1'])('%j is not an issue key', (text) => {
    expect(parseIssueKey(text)).toBeNull();
  });
});

describe('review keys', () => {
  it.each([
    ['ABC-MR-12', 'ABC', 12, 'merge-request'],
    ['ij-mr-188120', 'IJ', 188120, 'merge-request'],
    ['ABC-CR-3', 'ABC', 3, 'commit-set'],
  ] as const)('%j → %s #%d %s', (text, projectKey, number, type) => {
    expect(parseReviewKey(text)).toEqual({ kind: 'review', projectKey, number, type });
  });

  it.each(['ABC-T-1', 'ABC-PR-1', 'ABC-MR', 'ABC-MR-0', 'ABC-CR-000', 'ABC-MR-2147483648', 'ABC-CR-99999999999'])('%j is not a review key', (text) => {
    expect(parseReviewKey(text)).toBeNull();
  });

  it('numbers run up to int32, the type Space gives them', () => {
    expect(parseReviewKey('ABC-MR-2147483647')).toMatchObject({ number: MAX_ITEM_NUMBER });
    expect(parseIssueKey('ABC-T-2147483647')).toMatchObject({ number: MAX_ITEM_NUMBER });
    expect(parseIssueKey('ABC-T-2147483648')).toBeNull();
    expect(findKeyInText('see ABC-T-99999999999 or DEF-T-2')).toEqual({ kind: 'issue', projectKey: 'DEF', number: 2 });
    expect([0, 1, MAX_ITEM_NUMBER, MAX_ITEM_NUMBER + 1, 1.5, -1, Number.NaN].map(isItemNumber))
      .toEqual([false, true, true, false, false, false, false]);
  });

  it('parseKey takes either kind', () => {
    expect(parseKey('abc-t-1')?.kind).toBe('issue');
    expect(parseKey('abc-cr-1')?.kind).toBe('review');
    expect(parseKey('abc')).toBeNull();
  });
});

describe('findKeyInText', () => {
  it.each([
    ['see ABC-T-42 please', 'ABC-T-42'],
    ['Fixed in abc-mr-12, thanks', 'ABC-MR-12'],
    ['(ABC-T-1)', 'ABC-T-1'],
    ['ABC-T-12-fix-login', 'ABC-T-12'],
    ['branch: feature/ABC-CR-9', 'ABC-CR-9'],
    ['first XY-T-1 then AB-T-2', 'XY-T-1'],
    ['ABC-T-0 and DEF-T-5', 'DEF-T-5'],
    ['https://jetbrains.team/p/x — IJ-MR-188120 timeline', 'IJ-MR-188120'],
  ])('%j → %s', (text, key) => {
    const found = findKeyInText(text);
    expect(found && formatKey(found)).toBe(key);
  });

  it.each(['', 'no key here', 'ABC-T-', 'XABC-T-1a', 'ABC-T-12abc', 'email me at abc-t-1x@example.com'])('%j has no key', (text) => {
    expect(findKeyInText(text)).toBeNull();
  });

  it('stays fast on pathological input', () => {
    const started = performance.now();
    findKeyInText(`${'A-'.repeat(50_000)}T-`);
    findKeyInText('A'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('isProjectKeyLike', () => {
  it.each(['ABC', 'abc', 'MY-PROJ', 'A_B', 'X1'])('%j looks like a project key', (s) => expect(isProjectKeyLike(s)).toBe(true));
  it.each(['', 'A', '1AB', 'AB-', 'A--B', 'A B', 'AB.C', 'A'.repeat(65)])('%j does not', (s) => expect(isProjectKeyLike(s)).toBe(false));
});

const projectKey = fc.tuple(
  fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  fc.array(fc.oneof(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    fc.tuple(fc.constantFrom('-', '_'), fc.constantFrom(...'ABCXYZ019')).map(([sep, c]) => sep + c),
  ), { minLength: 1, maxLength: 12 }),
).map(([first, rest]) => first + rest.join(''));
const issueNumber = fc.integer({ min: 1, max: MAX_ITEM_NUMBER });

describe('key properties', () => {
  it('issue keys round-trip', () => {
    fc.assert(fc.property(projectKey, issueNumber, (key, n) => {
      const text = formatIssueKey(key, n);
      expect(parseIssueKey(text)).toEqual({ kind: 'issue', projectKey: key, number: n });
      expect(parseIssueKey(text.toLowerCase())).toEqual({ kind: 'issue', projectKey: key, number: n });
      expect(isProjectKeyLike(key)).toBe(true);
    }));
  });

  it('review keys round-trip', () => {
    fc.assert(fc.property(projectKey, issueNumber, fc.constantFrom('merge-request', 'commit-set') as fc.Arbitrary<'merge-request' | 'commit-set'>, (key, n, type) => {
      const text = formatReviewKey(key, n, type);
      expect(parseReviewKey(text)).toEqual({ kind: 'review', projectKey: key, number: n, type });
    }));
  });

  it('a key embedded in prose is found', () => {
    fc.assert(fc.property(projectKey, issueNumber, fc.constantFrom(' ', '(', '\n', ': '), fc.constantFrom(' ', ')', '.', ', '), (key, n, before, after) => {
      const text = formatIssueKey(key, n);
      expect(findKeyInText(`words${before}${text}${after}more words`)).toEqual({ kind: 'issue', projectKey: key, number: n });
    }));
  });

  it('parsing arbitrary text never throws and only returns valid keys', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const key = findKeyInText(text);
      if (key) expect(parseKey(formatKey(key))).toEqual(key);
    }));
  });
});
