import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../../shared/kinds.ts';
import { parseQuery } from '../../shared/query.ts';
import { selectKinds } from './select-kinds.ts';

describe('selectKinds', () => {
  it.each([
    ['jo', 'all', [...ALL_KINDS]],
    ['jo', 'team', ['team']],
    ['@jo', 'all', ['person']],
    ['@jo', 'project', ['person']],
    ['@', 'all', []],
    ['', 'all', []],
    ['   ', 'person', []],
    ['ABC-T-1', 'all', ['issue']],
    ['ABC-T-1', 'issue', ['issue']],
    ['ABC-T-1', 'person', ['person']],
    ['ABC-MR-3', 'all', ['review']],
    ['ABC-CR-3', 'review', ['review']],
    ['ABC-MR-0', 'all', []],
    ['ABC-T-0', 'issue', []],
    ['ABC-T-0', 'person', ['person']],
  ] as const)('%j with filter %s → %j', (q, filter, expected) => {
    expect(selectKinds(parseQuery(q), filter)).toEqual(expected);
  });
});
