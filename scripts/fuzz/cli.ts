/**
 * `npm run fuzz`: generated messages against the worker's router and schema, generated Space answers against the
 * shared mappers, every kind's search and details (one suite per kind of ALL_KINDS, kind-answers.ts) and every client
 * method (suites.ts). Prints the seed, and per suite its runs, time and result; exits 1 on a failure with the command
 * that replays it.
 *
 *   npm run fuzz                                  10,000 runs per suite, a new seed
 *   npm run fuzz -- --runs=500                    fewer (CI)
 *   npm run fuzz -- --seed=123 --only=router      one suite (or a prefix: --only=mappers), as the full run had it
 *   npm run fuzz -- --seed=123 --only=kinds:issue --path=17:3     only the counterexample fast-check reported
 *   npm run fuzz -- --list                        the suites
 */
import { parseArgs } from 'node:util';
import { uncoveredExports } from './mapper-targets.ts';
import { uncoveredClientMethods } from './responses.ts';
import { SUITES, runSuite, selectSuites, type SuiteOutcome } from './suites.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '10000' },
    only: { type: 'string', default: '' },
    path: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
  strict: true,
});

function int(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    console.error(`--${name} must be an integer, not ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
}

if (values.list) {
  for (const suite of SUITES) console.log(`${suite.name}\t(${suite.unit})`);
  process.exit(0);
}

const baseSeed = values.seed === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : int(values.seed, 'seed');
const runs = int(values.runs, 'runs');
const only = values.only.split(',').map((s) => s.trim()).filter((s) => s !== '');
const suites = selectSuites(only);
if (suites.length === 0) {
  console.error(`no suite matches --only=${values.only} (npm run fuzz -- --list)`);
  process.exit(2);
}
if (values.path !== undefined && suites.length !== 1) {
  console.error('--path replays one counterexample: name exactly one suite with --only');
  process.exit(2);
}

const uncovered = [...await uncoveredExports(), ...(await uncoveredClientMethods()).map((m) => `client:${m}`)];
if (uncovered.length > 0) {
  console.error(`[fuzz] not fuzzed: ${uncovered.join(', ')}. A mapper or client method: add it to scripts/fuzz/mapper-targets.ts`
    + ' (or responses.ts); a kind\'s request (`client:<kind>.<op>`): make one of its searches or details send it for the kind\'s'
    + ' e2e query or a probe query (scripts/fuzz/kind-answers.ts).');
  process.exit(1);
}

console.log(`[fuzz] seed ${baseSeed}, ${runs} runs per suite, ${suites.length} suite(s)`);
const started = performance.now();
const outcomes: SuiteOutcome[] = [];
for (const suite of suites) {
  const outcome = await runSuite(suite, { baseSeed, runs, ...(values.path === undefined ? {} : { path: values.path }) });
  outcomes.push(outcome);
  const status = outcome.failure ? 'FAILED' : 'ok';
  console.log(`[fuzz] ${suite.name.padEnd(22)} ${String(outcome.runs).padStart(6)} ${outcome.unit.padEnd(8)} ${(outcome.ms / 1000).toFixed(1).padStart(6)} s  ${status}`);
  if (outcome.summary) console.log(`         ${outcome.summary.replaceAll('\n', '\n         ')}`);
  if (outcome.failure) {
    console.log(outcome.failure.report);
  }
}

const failed = outcomes.filter((o) => o.failure);
const totals = (unit: SuiteOutcome['unit']) => outcomes.filter((o) => o.unit === unit).reduce((n, o) => n + o.runs, 0);
console.log(`[fuzz] ${totals('messages')} messages, ${totals('answers')} answers in ${((performance.now() - started) / 1000).toFixed(1)} s; seed ${baseSeed}`);
if (failed.length > 0) {
  console.log(`[fuzz] ${failed.length} suite(s) failed. Reproduce with:`);
  for (const o of failed) {
    console.log(`  npm run fuzz -- --seed=${baseSeed} --only=${o.name} --runs=${runs}`);
    if (o.failure?.path) console.log(`  npm run fuzz -- --seed=${baseSeed} --only=${o.name} --path=${o.failure.path}   (the counterexample only)`);
  }
  process.exit(1);
}
process.exit(0);
