/** src/shared/home-parse.ts (here, not beside it: its checks are held to every kind's fixture, a floor above src/shared). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../../kinds/test-support/fixtures.ts';
import { MAX_PINNED, MAX_RECENT } from '../../shared/home.ts';
import { parseEntity, parsePinned, parseRecent, parseWaiting } from '../../shared/home-parse.ts';
import { ALL_KINDS, entityKey, type Entity, type EntityKind } from '../../shared/kinds.ts';

const ORIGIN = 'https://space.example.com';
const entityOf = (kind: EntityKind, n = 0): Entity =>
  ({ ...fixtureOf(kind, (i) => `v${i}`), id: `${kind}-${n}`, webUrl: `${ORIGIN}/x/${n}` }) as Entity;

describe('an entity read back from storage', () => {
  it.each(ALL_KINDS)('%s: the fixture reads', (kind) => {
    const entity = entityOf(kind);
    expect(parseEntity(entity, ORIGIN)).toBe(entity);
  });

  it('does not check a kind\'s own fields, as the popup does not: a row that cannot draw them shows its title', () => {
    const issue = { ...entityOf('issue'), status: null, hidden: 'assignee' };
    expect(parseEntity(issue, ORIGIN)).toBe(issue);
  });

  it('needs a known kind, the common fields, and a link on the connection\'s Space', () => {
    const issue = entityOf('issue');
    expect(parseEntity({ ...issue, kind: 'widget' }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, kind: '__proto__' }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, id: 3 }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, title: undefined }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, webUrl: 'https://evil.example.com/x' }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, webUrl: 'javascript:alert(1)' }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, webUrl: 'not a url' }, ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, webUrl: 7 }, ORIGIN)).toBeNull();
    expect(parseEntity(null, ORIGIN)).toBeNull();
    expect(parseEntity([issue], ORIGIN)).toBeNull();
    expect(parseEntity({ ...issue, webUrl: 'https://evil.example.com/x' }, null)).not.toBeNull();
  });
});

/** A stored entry, well-formed or broken in one of the ways an older version or a hand edit breaks it. */
const entryArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom(...ALL_KINDS), n: fc.integer({ min: 0, max: 30 }), at: fc.integer({ min: 0 }) })
    .map(({ kind, n, at }) => ({ good: true as const, value: { entity: entityOf(kind, n), at } })) },
  { weight: 2, arbitrary: fc.oneof(
    fc.anything(),
    fc.constantFrom(ALL_KINDS[4]).map((kind) => ({ entity: entityOf(kind), at: 'yesterday' })),
    fc.constant({ entity: { ...entityOf('review'), title: 12 }, at: 1 }),
    fc.constant({ entity: { ...entityOf('person'), id: null }, at: 1 }),
    fc.constant({ entity: entityOf('project') }),
    fc.constant({ at: 1 }),
  ).filter((v) => v === null || typeof v !== 'object' || !('entity' in v) || parseEntity((v as { entity: unknown }).entity, ORIGIN) === null
    || typeof (v as { at?: unknown }).at !== 'number')
    .map((value) => ({ good: false as const, value })) },
);

/** What a reader must keep: the well-formed entries, each item once (first wins), at most `max`. */
function expected(entries: { good: boolean; value: unknown }[], max: number) {
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.good || out.length >= max) continue;
    const id = entityKey((e.value as { entity: Entity }).entity);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e.value);
  }
  return out;
}

describe('a stored list', () => {
  it('keeps every well-formed entry, in order, each item once, and drops each malformed one (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
      const stored = { connection: 'c1', items: entries.map((e) => e.value) };
      expect(parseRecent(stored, 'c1', ORIGIN)?.items).toEqual(expected(entries, MAX_RECENT));
      expect(parsePinned(stored, 'c1', ORIGIN)?.items).toEqual(expected(entries, MAX_PINNED));
    }), { numRuns: 300 });
  });

  it('is no list when it belongs to another connection or is not a list', () => {
    const stored = { connection: 'c1', items: [{ entity: entityOf('issue'), at: 1 }] };
    expect(parseRecent(stored, 'c2', ORIGIN)).toBeNull();
    expect(parseRecent(null, 'c1', ORIGIN)).toBeNull();
    expect(parseRecent('x', 'c1', ORIGIN)).toBeNull();
    expect(parseRecent({ connection: 'c1', items: 'x' }, 'c1', ORIGIN)).toEqual({ connection: 'c1', items: [] });
  });

  it('keeps a pin\'s `gone` mark and drops a pin whose mark is not a boolean', () => {
    const stored = { connection: 'c1', items: [
      { entity: entityOf('issue', 1), at: 1, gone: true },
      { entity: entityOf('issue', 2), at: 2, gone: 'yes' },
      { entity: entityOf('issue', 3), at: 3, gone: false },
    ] };
    expect(parsePinned(stored, 'c1', ORIGIN)?.items.map((i) => [i.entity.id, i.gone])).toEqual([['issue-1', true], ['issue-3', undefined]]);
  });

  it('reads Waiting for you: a review waits by turn, an issue by assignment; notes and stale kept when well-formed', () => {
    const stored = {
      connection: 'c1', at: 5,
      items: [
        { entity: entityOf('review', 1), reason: 'your-turn', project: 'ABC', since: 1 },
        { entity: entityOf('issue', 2), reason: 'assigned', project: 'ABC', since: null },
        { entity: entityOf('issue', 3), reason: 'your-turn', project: 'ABC', since: 1 },
        { entity: entityOf('person', 4), reason: 'assigned', project: 'ABC', since: 1 },
        { entity: entityOf('issue', 5), reason: 'assigned', project: 7, since: 1 },
        { entity: entityOf('issue', 6), reason: 'assigned', project: 'ABC', since: '2024' },
      ],
      notes: [{ project: 'WEB', error: { code: 'forbidden' } }, { project: 'X' }, 'note'],
      stale: { code: 'unreachable' },
    };
    const list = parseWaiting(stored, 'c1', ORIGIN);
    expect(list?.items.map((i) => i.entity.id)).toEqual(['review-1', 'issue-2']);
    expect(list?.notes).toEqual([{ project: 'WEB', error: { code: 'forbidden' } }]);
    expect(list?.stale).toEqual({ code: 'unreachable' });
    expect(list?.at).toBe(5);
    const odd = parseWaiting({ ...stored, stale: 'down', at: 'now' }, 'c1', ORIGIN);
    expect(odd?.at).toBe(0);
    expect(odd && 'stale' in odd).toBe(false);
  });
});
