#!/usr/bin/env node
// `npm test` leaves the tree as it found it (issue 17): the first step records what git sees (every changed or
// untracked, not ignored, file with a hash of its content), the last step compares. A test that writes into a
// tracked file, or leaves a new file git would show, fails the run with the files named. Tests write what they
// make into ignored folders (test-results/, .tmp/, dist/); screenshots are published by `npm run screenshots`.
//
//   node scripts/tree-check.mjs save     # before the tests: writes .tmp/tree-before.json
//   node scripts/tree-check.mjs check    # after them: exits 1 if anything git sees changed
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SNAPSHOT = join(ROOT, '.tmp', 'tree-before.json');

/**
 * What git sees in `root`: path → hash of the file as it is now ('deleted' when gone), for every path
 * `git status` lists, plus HEAD's commit (a commit during the run is a change too). Null outside a git checkout
 * (a source zip), where there is nothing to compare.
 * @returns {{ head: string, files: Record<string, string> } | null}
 */
export function treeState(root = ROOT) {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (status.status !== 0) return null;
  /** @type {Record<string, string>} */
  const files = {};
  const entries = status.stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    // A rename's entry is followed by its source path, which is not a file of the work tree.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
    const path = entry.slice(3);
    const file = join(root, path);
    // A folder git shows as one entry (a link to a folder, a nested checkout) is compared by its presence only.
    files[path] = !existsSync(file) ? 'deleted'
      : statSync(file).isDirectory() ? 'folder'
        : createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return { head: head.stdout.trim(), files };
}

/**
 * The paths whose state differs between two snapshots, sorted; a moved HEAD is named as `HEAD`.
 * @param {{ head: string, files: Record<string, string> }} before
 * @param {{ head: string, files: Record<string, string> }} after
 * @returns {string[]}
 */
export function treeChanges(before, after) {
  const changed = new Set();
  if (before.head !== after.head) changed.add('HEAD');
  for (const path of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (before.files[path] !== after.files[path]) changed.add(path);
  }
  return [...changed].sort();
}

function main(command) {
  const now = treeState();
  if (now === null) {
    console.log('[tree-check] not a git checkout: nothing to compare');
    return 0;
  }
  if (command === 'save') {
    mkdirSync(dirname(SNAPSHOT), { recursive: true });
    writeFileSync(SNAPSHOT, JSON.stringify(now));
    return 0;
  }
  if (command === 'check') {
    if (!existsSync(SNAPSHOT)) {
      console.error('[tree-check] no snapshot: run `node scripts/tree-check.mjs save` before the tests');
      return 1;
    }
    const changes = treeChanges(JSON.parse(readFileSync(SNAPSHOT, 'utf8')), now);
    if (changes.length === 0) {
      console.log('[tree-check] the tests left the tree as they found it');
      return 0;
    }
    console.error(
      '[tree-check] the tests changed files git tracks or shows (write into an ignored folder instead):\n' +
        changes.map((path) => `  ${path}\n`).join(''),
    );
    return 1;
  }
  console.error('usage: node scripts/tree-check.mjs save|check');
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv[2]));
