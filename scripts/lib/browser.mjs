// Where a Chromium-family browser lives on this machine. Shared by ensure-deps, start, the e2e harness
// and the benchmark so they all agree on which binary "the browser" is.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's package; the e2e suite is verified against it (toolchain.md §2). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Names tried on PATH by `npm start`, most preferred first. */
const START_CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The browser tests and the benchmark drive: `CHROME_PATH` when set, else Debian's chromium.
 * Tests rely on `--load-extension`, which branded Chrome 137+ ignores, so they do not fall back to it.
 * @returns {string | null}
 */
export function findTestBrowser() {
  const override = process.env.CHROME_PATH;
  if (override) return isExecutable(override) ? override : null;
  return isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null;
}

/**
 * The browser `npm start` opens: `CHROME_PATH`, Debian's chromium, then whatever Chromium or Chrome is on PATH
 * (start loads the extension over CDP, which branded Chrome accepts too).
 * @returns {string | null}
 */
export function findAnyBrowser() {
  const override = process.env.CHROME_PATH;
  if (override) return isExecutable(override) ? override : null;
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  for (const name of START_CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

/** Flags that keep a scripted Chromium quiet and offline apart from our own traffic (toolchain.md §6). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
