import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { treeChanges, treeState } from './tree-check.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A git checkout with one committed file, `a.txt`, and `ignored/` ignored. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'tree-check-'));
  roots.push(root);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  writeFileSync(join(root, 'a.txt'), 'one\n');
  writeFileSync(join(root, '.gitignore'), 'ignored/\n');
  git('add', '.');
  git('commit', '-qm', 'first');
  return root;
}

describe('tree-check', () => {
  it('sees nothing when the tests wrote only into ignored folders', () => {
    const root = checkout();
    const before = treeState(root)!;
    execFileSync('mkdir', ['-p', join(root, 'ignored')]);
    writeFileSync(join(root, 'ignored', 'shot.png'), 'png');
    expect(treeChanges(before, treeState(root)!)).toEqual([]);
  });

  it('names a tracked file a test rewrote, and a new file git shows', () => {
    const root = checkout();
    const before = treeState(root)!;
    writeFileSync(join(root, 'a.txt'), 'two\n');
    writeFileSync(join(root, 'new.png'), 'png');
    expect(treeChanges(before, treeState(root)!)).toEqual(['a.txt', 'new.png']);
  });

  it('names a file that was already changed before the run only when the run changed it again', () => {
    const root = checkout();
    writeFileSync(join(root, 'a.txt'), 'work in progress\n');
    const before = treeState(root)!;
    expect(treeChanges(before, treeState(root)!)).toEqual([]);
    writeFileSync(join(root, 'a.txt'), 'rewritten by a test\n');
    expect(treeChanges(before, treeState(root)!)).toEqual(['a.txt']);
  });

  it('compares a folder git shows as one entry (a link to node_modules, a nested checkout) by its presence', () => {
    const root = checkout();
    execFileSync('ln', ['-s', tmpdir(), join(root, 'linked')]);
    const before = treeState(root)!;
    expect(before.files['linked']).toBe('folder');
    expect(treeChanges(before, treeState(root)!)).toEqual([]);
  });

  it('is null outside a git checkout', () => {
    const root = mkdtempSync(join(tmpdir(), 'tree-check-'));
    roots.push(root);
    expect(treeState(root)).toBeNull();
  });
});
