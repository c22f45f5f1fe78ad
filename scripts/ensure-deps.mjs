#!/usr/bin/env node
// Installs what is missing before `npm test` / `npm start`: node_modules (via `npm ci`, when absent or out of
// step with package-lock.json) and a Chromium to drive. A fast no-op when everything is in place.
//
//   node scripts/ensure-deps.mjs            # for the tests: Debian chromium (or CHROME_PATH)
//   node scripts/ensure-deps.mjs --any-browser   # for npm start: any Chromium/Chrome will do
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findAnyBrowser, findTestBrowser } from './lib/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Why node_modules does not match package-lock.json, or null when it does.
 * npm keeps a copy of what it installed in node_modules/.package-lock.json; comparing versions entry by entry
 * is what `npm ci` would change, without running it. Optional entries (other platforms' native binaries)
 * may legitimately be absent.
 * @returns {string | null}
 */
export function nodeModulesProblem(root = ROOT) {
  const lockPath = join(root, 'package-lock.json');
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(lockPath)) return null; // nothing to compare against; npm ci would refuse anyway
  if (!existsSync(installedPath)) return 'node_modules has no install record (.package-lock.json)';
  let wanted, installed;
  try {
    wanted = JSON.parse(readFileSync(lockPath, 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedPath, 'utf8')).packages ?? {};
  } catch (e) {
    return `cannot read the lockfiles (${e instanceof Error ? e.message : String(e)})`;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.link) continue;
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return `${path} is not installed`;
    }
    if (have.version !== entry.version) return `${path} is ${have.version}, lockfile wants ${entry.version}`;
    if (!existsSync(join(root, path))) return `${path} was deleted`;
  }
  for (const path of Object.keys(installed)) {
    if (!(path in wanted)) return `${path} is installed but no longer in the lockfile`;
  }
  return null;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const CHROMIUM_HELP = [
  'Chromium was not found (looked at $CHROME_PATH and /usr/bin/chromium).',
  'Install it, as root on Debian/Ubuntu:',
  '    apt-get update && apt-get install -y chromium',
  'or point CHROME_PATH at a Chromium (or Chrome for Testing) binary.',
].join('\n');

function installChromiumWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) return false;
  console.log('[ensure-deps] installing Debian chromium with apt-get (about a minute)…');
  const status = run('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'], {
    cwd: '/',
  });
  return status === 0;
}

/**
 * @param {{ anyBrowser?: boolean }} [opts]
 * @returns {string} the browser binary found or installed
 */
export function ensureDeps(opts = {}) {
  const problem = nodeModulesProblem();
  if (problem) {
    console.log(`[ensure-deps] ${problem}; running npm ci`);
    if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
  }

  const find = opts.anyBrowser ? findAnyBrowser : findTestBrowser;
  let browser = find();
  if (!browser && process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file`);
  }
  if (!browser) {
    console.log(CHROMIUM_HELP);
    if (installChromiumWithApt()) browser = find();
  }
  if (!browser) throw new Error('no Chromium to run the extension in (see above)');
  return browser;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureDeps({ anyBrowser: process.argv.includes('--any-browser') });
  } catch (e) {
    console.error(`[ensure-deps] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
