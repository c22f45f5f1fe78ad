/**
 * Builds the Chrome extension into dist/ and the Firefox one into dist-firefox/ once per e2e run, so the
 * suite never runs against a stale or crxjs dev-mode build (toolchain.md gotcha 11). `E2E_SKIP_BUILD=1`
 * skips it when the caller has just built both (npm test does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clearReports, summarize } from '../scripts/contract/report.ts';
import { CHROME_ONLY, DIST, DIST_FIREFOX, ROOT } from './paths.ts';

function build(target: 'chrome' | 'firefox'): void {
  const started = Date.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Into the folders the suite loads (E2E_DIST / E2E_DIST_FIREFOX may point elsewhere: e2e/paths.ts).
    env: { ...process.env, TARGET: target, OUT_DIR: target === 'firefox' ? DIST_FIREFOX : DIST },
  });
  console.log(`[e2e] ${target} build in ${Date.now() - started} ms`);
}

/** After the run: requests per Space API operation, all checked against the published spec (scripts/contract/). */
function printContractReport(): void {
  const text = summarize(ROOT, 'End-to-end');
  if (text !== '') console.log(`\n${text}`);
}

export default function setup(): () => void {
  clearReports(ROOT);
  if (process.env.E2E_SKIP_BUILD === '1') {
    // A private Chrome build alone (E2E_DIST without E2E_DIST_FIREFOX) runs Chrome files only.
    for (const dir of CHROME_ONLY ? [DIST] : [DIST, DIST_FIREFOX]) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`E2E_SKIP_BUILD=1 but ${dir}/manifest.json is missing`);
    }
    return printContractReport;
  }
  build('chrome');
  if (!CHROME_ONLY) build('firefox');
  return printContractReport;
}
