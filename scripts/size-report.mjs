#!/usr/bin/env node
// `npm run size`: gzip -9 size of the popup, options and service-worker bundles of dist/ (each entry with its
// static imports), against the issue-4 budget. Reports; exits non-zero only when dist/ is missing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kB, sizeRows } from './lib/bundle-sizes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(ROOT, process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist');

let rows;
try {
  rows = sizeRows(distDir);
} catch (e) {
  console.error(`size: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

const header = ['bundle', 'files', 'raw kB', 'gzip -9 kB', 'as one stream', 'budget kB', ''];
const table = rows.map((r) => [
  r.name,
  String(r.files.length),
  kB(r.raw),
  kB(r.gzipSum),
  kB(r.gzipConcat),
  `≤ ${r.budgetKb}`,
  r.withinBudget ? 'ok' : 'OVER',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));
console.log('\nJS only: the entry and every chunk it imports statically (dynamic imports load later and are not counted).');
console.log("'gzip -9 kB' sums each file compressed on its own (judged against the budget); 'as one stream' compresses them together. 1 kB = 1000 B.");
if (process.argv.includes('--files')) {
  for (const r of rows) console.log(`\n${r.name}: ${r.files.join(', ')}`);
}
