#!/usr/bin/env node
// `npm run screenshots`: takes the README's and the store's screenshots again from the built extension against
// the demo server (the two e2e files that make them; they build first unless E2E_SKIP_BUILD=1), then publishes
// them into docs/. The test run itself only writes test-results/shots/, so `npm test` never changes a tracked
// file (scripts/tree-check.mjs); publishing is this explicit step, and its result is yours to review and commit.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ROOT, 'test-results', 'shots');
/** Where each folder of shots is published. Must agree with e2e/paths.ts. */
const PUBLISH = [
  { from: join(SHOTS, 'screenshots'), to: join(ROOT, 'docs', 'screenshots') },
  { from: join(SHOTS, 'store'), to: join(ROOT, 'docs', 'store') },
];

const run = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', 'e2e/screenshots.e2e.ts', 'e2e/store-screenshots.e2e.ts'],
  // Chrome only: the screenshots come from Chromium, so the Firefox build is not needed.
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E_DIST: process.env.E2E_DIST ?? 'dist' } },
);
if (run.status !== 0) {
  console.error('[screenshots] the screenshot tests failed: nothing published');
  process.exit(run.status ?? 1);
}
let count = 0;
for (const { from, to } of PUBLISH) {
  if (!existsSync(from)) continue;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((n) => n.endsWith('.png'))) {
    copyFileSync(join(from, name), join(to, name));
    count++;
  }
}
console.log(`[screenshots] published ${count} screenshots into docs/ (review with git diff, then commit)`);
