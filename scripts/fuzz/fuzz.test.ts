/**
 * Keeps `npm run fuzz` working inside `npm test`: every suite runs a few inputs, every mapper export and client
 * method is covered, and the harness does fail on a planted bug (a fuzz that can't fail proves nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureOf } from '../../src/kinds/test-support/fixtures.ts';
import { ALL_KINDS } from '../../src/shared/kinds.ts';
import { ShapeError } from '../../src/space/parse.ts';
import { EXEMPT, MAPPER_TARGETS, exportedReaders, uncoveredExports, type MapperTarget } from './mapper-targets.ts';
import { mapperProperty, uncoveredClientMethods } from './responses.ts';
import { entity } from './results.ts';
import { SUITES, runSuite, seedFor, selectSuites } from './suites.ts';

describe('fuzz harness', () => {
  it('covers every function the mappers, parse.ts and paging.ts export, every call of the client and every request of the kinds', async () => {
    expect(await uncoveredExports()).toEqual([]);
    expect(await uncoveredClientMethods()).toEqual([]);
    // Exemptions name real exports (a renamed one must not linger here).
    const exported = await exportedReaders();
    for (const name of Object.keys(EXEMPT)) expect(exported).toContain(name);
  });

  it.each(SUITES.map((s) => s.name))('%s passes a few runs', async (name) => {
    const suite = SUITES.find((s) => s.name === name)!;
    const outcome = await runSuite(suite, { baseSeed: 20261129, runs: 25 });
    expect(outcome.failure?.report).toBeUndefined();
    expect(outcome.runs).toBe(25);
  });

  it('fails on a mapper that throws anything but a ShapeError, or returns an untyped value', () => {
    const base = MAPPER_TARGETS.find((t) => t.name === 'person')!;
    const planted = (run: MapperTarget['run']): MapperTarget => ({ ...base, name: 'planted', run });
    const typeError = fc.check(mapperProperty(planted(() => {
      throw new TypeError('x is undefined');
    })), { numRuns: 5, seed: 1 });
    expect(typeError.failed).toBe(true);
    const shapeOnly = fc.check(mapperProperty(planted(() => {
      throw new ShapeError('$.id', 'a string');
    })), { numRuns: 5, seed: 1 });
    expect(shapeOnly.failed).toBe(false);
    const untyped = fc.check(mapperProperty(planted((json, ctx) => ({ ...base.run(json, ctx) as object, title: 3 }))), { numRuns: 50, seed: 1 });
    expect(untyped.failed).toBe(true);
    const foreignLink = fc.check(mapperProperty(planted((json, ctx) => ({ ...base.run(json, ctx) as object, webUrl: 'https://evil.example/' }))), { numRuns: 50, seed: 1 });
    expect(foreignLink.failed).toBe(true);
  });

  it('derives one seed per suite, the same whichever suites run', () => {
    expect(seedFor(1, 'router')).toBe(seedFor(1, 'router'));
    expect(seedFor(1, 'router')).not.toBe(seedFor(1, 'schema'));
    expect(selectSuites(['mappers']).every((s) => s.name.startsWith('mappers:'))).toBe(true);
    expect(selectSuites(['mappers']).length).toBe(MAPPER_TARGETS.length);
    expect(selectSuites(['mappers:person']).map((s) => s.name)).toEqual(['mappers:person']);
    expect(selectSuites(['kinds']).map((s) => s.name)).toEqual(ALL_KINDS.map((k) => `kinds:${k}`));
  });

  it.each(ALL_KINDS)('checks a %s entity by its fixture: its own shape passes, a wrong type, a stray key or a foreign link fails', (kind) => {
    const origin = 'https://space.example.com';
    const check = entity(kind, origin);
    const good = { ...fixtureOf(kind, (n) => `s${n}`), webUrl: `${origin}/x` } as Record<string, unknown>;
    expect(check(good, kind)).toBeNull();
    expect(check({ ...good, title: 3 }, kind)).not.toBeNull();
    expect(check({ ...good, stray: 'x' }, kind)).not.toBeNull();
    expect(check({ ...good, webUrl: 'https://evil.example/' }, kind)).not.toBeNull();
    const field = Object.keys(good).find((k) => !['kind', 'id', 'title', 'webUrl'].includes(k))!;
    expect(check({ ...good, [field]: undefined }, kind)).not.toBeNull();
  });
});
