/**
 * Keeps `npm run fuzz` working inside `npm test`: every suite runs a few inputs, every mapper export and client
 * method is covered, and the harness does fail on a planted bug (a fuzz that can't fail proves nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../src/space/parse.ts';
import { EXEMPT, MAPPER_TARGETS, exportedReaders, uncoveredExports, type MapperTarget } from './mapper-targets.ts';
import { mapperProperty, uncoveredClientMethods } from './responses.ts';
import { SUITES, runSuite, seedFor, selectSuites } from './suites.ts';

describe('fuzz harness', () => {
  it('covers every function the mappers, parse.ts and paging.ts export, and every call of the client and the kinds', async () => {
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
    const base = MAPPER_TARGETS.find((t) => t.name === 'project')!;
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
    expect(selectSuites(['mappers:issue']).map((s) => s.name)).toEqual(['mappers:issue']);
  });
});
