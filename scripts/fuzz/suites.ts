/**
 * The fuzz suites, by name (`--only=` matches a name or its prefix: `mappers` is every `mappers:*`), and how one is
 * run: `runSuite` checks a suite's property for `runs` generated inputs from a seed derived from the base seed and
 * the suite's name, so `--only` replays a suite exactly as the full run did.
 */
import fc from 'fast-check';
import { MAPPER_TARGETS } from './mapper-targets.ts';
import { failureReport } from './report.ts';
import { routerSuite, schemaProperty } from './router-fuzz.ts';
import { clientProperty, kindSuite, mapperProperty } from './responses.ts';
import { ALL_KINDS } from '../../src/shared/kinds.ts';

export interface Prepared {
  property: fc.IRawProperty<never, boolean>;
  /** Stops what the suite started (the demo server). */
  close?(): Promise<void>;
  /** What the runs exercised, for the report (e.g. answers by request type and outcome). */
  summary?(): string;
}

export interface Suite {
  name: string;
  /** What one run feeds in, for the report. */
  unit: 'messages' | 'answers';
  prepare(): Promise<Prepared>;
}

const sync = (property: fc.IRawProperty<never, boolean>) => async (): Promise<Prepared> => ({ property });

export const SUITES: readonly Suite[] = [
  { name: 'schema', unit: 'messages', prepare: sync(schemaProperty() as never) },
  { name: 'router', unit: 'messages', prepare: routerSuite as () => Promise<Prepared> },
  ...MAPPER_TARGETS.map((target): Suite => ({ name: `mappers:${target.name}`, unit: 'answers', prepare: sync(mapperProperty(target) as never) })),
  // Every kind of ALL_KINDS, through its own search and details (kind-answers.ts): no line per kind.
  ...ALL_KINDS.map((kind): Suite => ({ name: `kinds:${kind}`, unit: 'answers', prepare: async () => {
    const { property, summary } = await kindSuite(kind);
    return { property: property as never, summary };
  } })),
  { name: 'client', unit: 'answers', prepare: async () => ({ property: await clientProperty() as never }) },
];

export function selectSuites(only: readonly string[]): Suite[] {
  if (only.length === 0) return [...SUITES];
  return SUITES.filter((s) => only.some((o) => s.name === o || s.name.startsWith(`${o}:`)));
}

/** FNV-1a of `base:name`: each suite its own stream, the same whichever suites run with it. */
export function seedFor(base: number, name: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${base}:${name}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export interface SuiteOutcome {
  name: string;
  unit: Suite['unit'];
  runs: number;
  seed: number;
  ms: number;
  summary?: string;
  /** Set when the property failed: fast-check's report and the counterexample's path. */
  failure?: { report: string; path: string | undefined };
}

export async function runSuite(suite: Suite, opts: { baseSeed: number; runs: number; path?: string }): Promise<SuiteOutcome> {
  const seed = seedFor(opts.baseSeed, suite.name);
  const started = performance.now();
  const prepared = await suite.prepare();
  try {
    const details = await fc.check(prepared.property, {
      seed, numRuns: opts.runs, ...(opts.path === undefined ? {} : { path: opts.path }),
    });
    const ms = performance.now() - started;
    const outcome: SuiteOutcome = { name: suite.name, unit: suite.unit, runs: details.numRuns, seed, ms };
    const summary = prepared.summary?.();
    if (summary) outcome.summary = summary;
    if (details.failed) {
      outcome.failure = {
        report: failureReport(details.errorInstance, details.counterexample, details.numRuns, details.numShrinks),
        path: details.counterexamplePath ?? undefined,
      };
    }
    return outcome;
  } finally {
    await prepared.close?.();
  }
}
