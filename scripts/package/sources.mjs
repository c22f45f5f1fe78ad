// Which files are "the sources" of a release. In a git work tree: the tracked files (`git ls-files`), read from
// the work tree, with the commit they belong to and any uncommitted changes. Outside git — an unpacked
// sources zip, which is how a store reviewer rebuilds — every file under the root except what .gitignore
// lists, so unpacking the sources zip and packaging again sees exactly the files that zip holds.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Never sources, whatever git or .gitignore say: installed packages, build output, packages. */
const NEVER = ['node_modules', 'dist', 'dist-firefox', 'release'];

/**
 * @typedef {{ path: string, executable: boolean }} SourceFile
 * @typedef {{ commit: string, commitDate: string, dirty: string[], untracked: string[] }} GitState
 *   dirty: `git status --porcelain` lines of changed tracked files; untracked: the untracked files included
 */

function git(root, args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : null;
}

/** True when `root` is the top of a git work tree (not merely somewhere inside another repository). */
export function isGitRoot(root) {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  return top !== null && realpathSync(top.trim()) === realpathSync(root);
}

/**
 * @param {string} root
 * @param {{ untracked?: boolean }} [options] untracked: in git, also the untracked files .gitignore does not
 *   exclude (`--allow-dirty`: the package is then the work tree as it is, new files included)
 * @returns {{ files: SourceFile[], git: GitState | null }}
 */
export function listSources(root, options = {}) {
  const inGit = isGitRoot(root);
  const untracked = inGit && options.untracked ? untrackedFiles(root) : [];
  const files = inGit ? [...gitFiles(root), ...untracked] : treeFiles(root, ignoreMatcher(readIgnore(root)));
  const kept = files.filter((f) => !NEVER.includes(f.path.split('/')[0]));
  kept.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  return { files: kept, git: inGit ? { ...gitState(root), untracked: untracked.map((f) => f.path) } : null };
}

function gitFiles(root) {
  const out = git(root, ['ls-files', '--stage', '-z']);
  if (out === null) throw new Error('git ls-files failed');
  const files = [];
  for (const record of out.split('\0')) {
    if (!record) continue;
    const [meta, path] = record.split('\t');
    const mode = meta.split(' ')[0];
    if (mode !== '100644' && mode !== '100755') throw new Error(`${path}: tracked as mode ${mode}; only regular files can be packaged`);
    if (!existsSync(join(root, path))) continue; // deleted in the work tree (only possible with --allow-dirty)
    files.push({ path, executable: mode === '100755' });
  }
  return files;
}

function untrackedFiles(root) {
  const out = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (out === null) throw new Error('git ls-files --others failed');
  const paths = out.split('\0').filter((path) => path && !NEVER.includes(path.split('/')[0]));
  return paths.map((path) => {
    const stat = lstatSync(join(root, path));
    if (!stat.isFile()) throw new Error(`${path}: not a regular file; cannot be packaged`);
    return { path, executable: (stat.mode & 0o100) !== 0 };
  });
}

function gitState(root) {
  const commit = git(root, ['rev-parse', 'HEAD'])?.trim() ?? 'none';
  const commitDate = git(root, ['log', '-1', '--format=%cI', 'HEAD'])?.trim() ?? '';
  // `git status` lines as printed (" M src/x.ts"): only shown to the user, never parsed further.
  const status = git(root, ['status', '--porcelain=v1', '--untracked-files=no']) ?? '';
  const dirty = status.split('\n').filter(Boolean);
  return { commit, commitDate, dirty };
}

function readIgnore(root) {
  const file = join(root, '.gitignore');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function treeFiles(root, ignored) {
  const files = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(join(root, path));
      if (path === '.git' || ignored(path, stat.isDirectory())) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push({ path, executable: (stat.mode & 0o100) !== 0 });
      else if (!NEVER.includes(path)) throw new Error(`${path}: not a regular file; cannot be packaged`);
    }
  };
  walk('');
  return files;
}

/**
 * The subset of .gitignore this project uses: `name`, `name/` (directories only), `*` and `?` within a
 * segment, and patterns with a slash anchored at the root. Anything else (`!`, `**`, `[…]`, escapes) is
 * refused rather than guessed at, since a wrong guess would silently change the sources zip.
 * @param {string} text
 * @returns {(path: string, isDir: boolean) => boolean}
 */
export function ignoreMatcher(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/[!\\[\]]|\*\*/.test(line)) throw new Error(`.gitignore pattern ${JSON.stringify(line)} is not supported by scripts/package/sources.mjs`);
    const dirOnly = line.endsWith('/');
    const body = line.replace(/\/$/, '');
    const anchored = body.includes('/');
    const glob = new RegExp('^' + body.replace(/^\//, '').replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
    rules.push({ glob, dirOnly, anchored });
  }
  return (path, isDir) =>
    rules.some((r) => (!r.dirOnly || isDir) && r.glob.test(r.anchored ? path : posix.basename(path)));
}
