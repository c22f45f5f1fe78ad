import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ignoreMatcher, isGitRoot, listSources } from './sources.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sources-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function git(root: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

const FILES = {
  '.gitignore': 'node_modules/\ndist/\n*.log\n.tmp/\n/only-at-root.txt\n# comment\n\ncoverage\n',
  'package.json': '{}',
  'src/a.ts': 'a',
  'src/dist/ignored-too.ts': 'an unanchored `dist/` matches a directory at any depth, as in git',
  'src/debug.log': 'ignored',
  'src/only-at-root.txt': 'kept: the pattern is anchored',
  'only-at-root.txt': 'ignored',
  'dist/manifest.json': 'ignored',
  '.tmp/x': 'ignored',
  'coverage/lcov.info': 'ignored',
  'scripts/run.sh': '#!/bin/sh\n',
};

describe('ignoreMatcher', () => {
  it('implements the .gitignore forms the project uses', () => {
    const ignored = ignoreMatcher(FILES['.gitignore']);
    expect(ignored('node_modules', true)).toBe(true);
    expect(ignored('src/node_modules', true)).toBe(true);
    expect(ignored('node_modules', false)).toBe(false); // `name/` matches directories only
    expect(ignored('a/b/trace.log', false)).toBe(true);
    expect(ignored('log', false)).toBe(false);
    expect(ignored('only-at-root.txt', false)).toBe(true);
    expect(ignored('src/only-at-root.txt', false)).toBe(false);
    expect(ignored('coverage', true)).toBe(true);
    expect(ignored('coverage', false)).toBe(true);
  });

  it('refuses patterns it would have to guess at', () => {
    for (const p of ['!keep.log', 'a/**/b', '[ab].txt', 'a\\#b']) expect(() => ignoreMatcher(p), p).toThrow(/not supported/);
  });
});

describe('listSources', () => {
  it('outside git: every file except ignored ones, sorted, with the executable bit', () => {
    const root = tree(FILES);
    chmodSync(join(root, 'scripts/run.sh'), 0o755);
    const { files, git } = listSources(root);
    expect(git).toBeNull();
    expect(files).toEqual([
      { path: '.gitignore', executable: false },
      { path: 'package.json', executable: false },
      { path: 'scripts/run.sh', executable: true },
      { path: 'src/a.ts', executable: false },
      { path: 'src/only-at-root.txt', executable: false },
    ]);
  });

  it('in git: the tracked files, the same set as the walk finds when unpacked', () => {
    const root = tree(FILES);
    chmodSync(join(root, 'scripts/run.sh'), 0o755);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    writeFileSync(join(root, 'untracked.ts'), 'not tracked');
    expect(isGitRoot(root)).toBe(true);
    const inGit = listSources(root);
    rmSync(join(root, 'untracked.ts'));
    rmSync(join(root, '.git'), { recursive: true, force: true });
    expect(inGit.files).toEqual(listSources(root).files);
    expect(inGit.git).toMatchObject({ commit: expect.stringMatching(/^[0-9a-f]{40}$/), dirty: [] });
  });

  it('in git, when asked: untracked files too, minus ignored ones (what --allow-dirty packages)', () => {
    const root = tree({ '.gitignore': '*.log\n', 'a.ts': 'a' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    writeFileSync(join(root, 'new.ts'), 'new');
    writeFileSync(join(root, 'debug.log'), 'ignored');
    expect(listSources(root).files.map((f) => f.path)).toEqual(['.gitignore', 'a.ts']);
    const dirty = listSources(root, { untracked: true });
    expect(dirty.files.map((f) => f.path)).toEqual(['.gitignore', 'a.ts', 'new.ts']);
    expect(dirty.git?.untracked).toEqual(['new.ts']);
  });

  it('in git: reports uncommitted changes to tracked files, not untracked files', () => {
    const root = tree({ 'a.ts': 'a', 'b.ts': 'b' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    writeFileSync(join(root, 'c.ts'), 'untracked');
    expect(listSources(root).git?.dirty).toEqual([]);
    writeFileSync(join(root, 'b.ts'), 'changed');
    expect(listSources(root).git?.dirty).toEqual([' M b.ts']);
  });

  it('a folder inside another repository is not that repository', () => {
    const root = tree({ 'a.ts': 'a', 'inner/b.ts': 'b' });
    git(root, 'init', '-q');
    expect(isGitRoot(join(root, 'inner'))).toBe(false);
    expect(listSources(join(root, 'inner')).git).toBeNull();
  });
});
