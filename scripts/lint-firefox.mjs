#!/usr/bin/env node
// `web-ext lint` on the Firefox build (offline: web-ext's linter needs no network). Prints every finding and
// fails on any error. Warnings are allowed: Preact's own `dangerouslySetInnerHTML` support is reported as
// UNSAFE_VAR_ASSIGNMENT inside the Preact chunk and cannot be removed (toolchain.md §8.2).
//
//   node scripts/lint-firefox.mjs [PATH]   PATH: a build folder (default dist-firefox/) or a .zip/.xpi package
//
// A zip is linted as it is: web-ext hands the path to addons-linter, which opens .zip/.xpi files itself —
// the same reader AMO runs on an upload, so the packaged bytes are what gets checked.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_EXT = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
const SOURCE = resolve(process.argv[2] ?? join(ROOT, 'dist-firefox'));
const LABEL = relative(process.cwd(), SOURCE) || '.';

const isPackage = /\.(zip|xpi)$/i.test(SOURCE);
if (isPackage ? !existsSync(SOURCE) || !statSync(SOURCE).isFile() : !existsSync(join(SOURCE, 'manifest.json'))) {
  console.error(
    process.argv[2]
      ? `lint:firefox: ${LABEL}: no such .zip/.xpi file, nor a build folder with a manifest.json.`
      : 'lint:firefox: dist-firefox/manifest.json is missing; run `npm run build:firefox` first.',
  );
  process.exit(1);
}

const r = spawnSync(
  process.execPath,
  [WEB_EXT, 'lint', '--source-dir', SOURCE, '--output', 'json', '--no-input', '--no-config-discovery'],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (r.error) throw r.error;

// web-ext prints the JSON report on stdout; anything before the first brace is banner noise.
const start = r.stdout.indexOf('{');
let report;
try {
  report = JSON.parse(r.stdout.slice(start));
} catch {
  console.error('lint:firefox: could not parse web-ext output:\n' + r.stdout + r.stderr);
  process.exit(1);
}

const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const [label, list] of [['error', report.errors], ['warning', report.warnings], ['notice', report.notices]]) {
  for (const m of list ?? []) console.log(`${label.padEnd(7)} ${m.code}: ${m.message}${where(m)}`);
}
const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
console.log(`web-ext lint ${LABEL}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 ? 1 : 0);
