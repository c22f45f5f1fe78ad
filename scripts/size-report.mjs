#!/usr/bin/env node
// `npm run size [-- DIR…]`: gzip -9 size of the popup, options and service-worker bundles of each built
// extension (default dist/), each entry with the JS and CSS it loads statically, against the budget.
// `npm run size:check` (`--check`, run by `npm test` after the builds) exits 1 when any bundle is over its
// budget; without `--check` it only reports. Either way a missing build is an error. `--files` lists the files.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, sizeRows } from './lib/bundle-sizes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirs = args.filter((a) => !a.startsWith('--'));

let over = [];
let helperBack = [];
for (const dir of dirs.length ? dirs : ['dist']) {
  const distDir = resolve(ROOT, dir);
  const label = relative(ROOT, distDir) || distDir;
  let rows;
  try {
    rows = sizeRows(distDir);
  } catch (e) {
    console.error(`size: ${label}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log(`${label}/\n${formatTable(rows)}\n`);
  if (args.includes('--files')) for (const r of rows) console.log(`${r.name}: ${r.files.join(', ')}`);
  over = over.concat(rows.filter((r) => !r.withinBudget).map((r) => `${label} ${r.name}`));
  helperBack = helperBack.concat(rows.filter((r) => r.vitePreloadHelper.length > 0).map((r) =>
    `${label} ${r.name} carries Vite's own preload helper again (${r.vitePreloadHelper.join(', ')}): vite.config.ts's smallPreloadHelper no longer applies`));
}
console.log('Each entry with the JS chunks it imports statically and their CSS, from Vite\'s build manifest. \'later kB\': what its import() calls fetch after that (popup: cards and notes after the first frame; options: the form or the connection\'s panels, whichever the worker\'s answer calls for), not counted against the budget.');
console.log("'gzip -9 kB' sums each file compressed on its own (judged against the budget); 'as one stream' compresses them together. 1 kB = 1000 B.");
const problems = [...(over.length > 0 ? [`over budget: ${over.join(', ')}`] : []), ...helperBack];
if (problems.length > 0) {
  const msg = problems.join('\n');
  if (check) {
    console.error(`\nsize:check failed: ${msg}`);
    process.exit(1);
  }
  console.log(`\n${msg}`);
}
