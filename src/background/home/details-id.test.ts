import { describe, expect, it } from 'vitest';
import { detailsIdOf } from '../../kinds/card-registry.tsx';
import { fixtureOf } from '../../kinds/test-support/fixtures.ts';
import { ALL_KINDS } from '../../shared/kinds.ts';
import { answersTo } from './details-id.ts';

describe('which stored entity a details request is about', () => {
  it.each(ALL_KINDS)('%s: the id its card hands out names it, and nothing of another kind or id', (kind) => {
    const entity = fixtureOf(kind, (n) => `v${n}`);
    const id = detailsIdOf(entity);
    if (id === null) return; // Its row is its card: no details request names it.
    expect(answersTo(entity, kind, id)).toBe(true);
    expect(answersTo(entity, kind, `${id}x`)).toBe(false);
    const other = ALL_KINDS.find((k) => k !== kind)!;
    expect(answersTo(entity, other, id)).toBe(false);
  });
});
