import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The builds under test. `E2E_DIST` / `E2E_DIST_FIREFOX` point a run at a private build (relative to the
 * repository root or absolute), so a helper's run never touches dist/ or dist-firefox/.
 */
export const DIST = process.env.E2E_DIST ? resolve(ROOT, process.env.E2E_DIST) : join(ROOT, 'dist');
export const DIST_FIREFOX = process.env.E2E_DIST_FIREFOX ? resolve(ROOT, process.env.E2E_DIST_FIREFOX) : join(ROOT, 'dist-firefox');
/** Set when only a private Chrome build was named: a Chrome-only run, the Firefox build is not needed. */
export const CHROME_ONLY = process.env.E2E_DIST !== undefined && process.env.E2E_DIST_FIREFOX === undefined;
/**
 * Where the suite writes its screenshots: an ignored folder, so a test run never changes a tracked file (issue 17).
 * `npm run screenshots` takes them again and copies them to docs/ (scripts/screenshots.mjs).
 */
export const SHOTS_DIR = join(ROOT, 'test-results', 'shots');
/** The README's screenshots, published to docs/screenshots/. */
export const SCREENSHOT_DIR = join(SHOTS_DIR, 'screenshots');
/** The store's screenshots, published to docs/store/. */
export const STORE_SHOT_DIR = join(SHOTS_DIR, 'store');
