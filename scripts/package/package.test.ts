/**
 * `npm run package` end to end: package the work tree, then do what BUILD.md tells a store reviewer — unpack
 * the sources zip into an empty folder and package again (node_modules linked rather than `npm ci`, which
 * would reinstall the same lockfile) — and require byte-identical zips. Four Vite builds and one web-ext lint.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackagedZip, PackageError, packageRelease } from './package.mjs';
import { isGitRoot, listSources } from './sources.mjs';
import { readZip } from './zip.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const quiet = () => {};

let tmp: string;
let first: PackagedZip[];
let second: PackagedZip[];
let builds: string;

const zip = (zips: PackagedZip[], kind: PackagedZip['kind']) => readZip(readFileSync(zips.find((z) => z.kind === kind)!.path));

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path];
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'package-test-'));
  // The work tree may have uncommitted changes while tests run; the refusal itself is tested below.
  first = packageRelease({ outDir: join(tmp, 'release-1'), allowDirty: true, lint: true, log: quiet }).zips;

  const unpacked = join(tmp, 'unpacked');
  for (const e of zip(first, 'sources')) {
    mkdirSync(dirname(join(unpacked, e.name)), { recursive: true });
    writeFileSync(join(unpacked, e.name), e.data, { mode: e.mode & 0o777 });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(unpacked, 'node_modules'), 'dir');
  builds = join(tmp, 'builds');
  second = packageRelease({ root: unpacked, outDir: join(tmp, 'release-2'), lint: false, keepBuildsDir: builds, log: quiet }).zips;
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('writes the three zips named after package.json', () => {
    expect(first.map((z) => basename(z.path))).toEqual([
      `${pkg.name}-${pkg.version}-chrome.zip`,
      `${pkg.name}-${pkg.version}-firefox.zip`,
      `${pkg.name}-${pkg.version}-sources.zip`,
    ]);
    for (const z of first) expect(createHash('sha256').update(readFileSync(z.path)).digest('hex')).toBe(z.sha256);
  });

  it('gives byte-identical zips when rebuilt from its own sources zip', () => {
    expect(second.map((z) => [basename(z.path), z.sha256])).toEqual(first.map((z) => [basename(z.path), z.sha256]));
  });

  it('puts exactly the built files in the Chrome and Firefox zips, without Vite build metadata', () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      const dir = join(builds, kind);
      const built = filesUnder(dir).filter((f) => !f.startsWith('.vite/')).sort();
      const entries = zip(second, kind);
      expect(entries.map((e) => e.name).sort(), kind).toEqual(built);
      for (const e of entries) expect(e.data.equals(readFileSync(join(dir, e.name))), `${kind} ${e.name}`).toBe(true);
      expect(built, kind).toContain('manifest.json');
    }
  });

  it('builds for production whatever the caller\u2019s NODE_ENV (vitest sets "test"): no dev JSX call sites or build paths', () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      for (const e of zip(first, kind).filter((f) => f.name.endsWith('.js'))) {
        const code = e.data.toString('utf8');
        expect(code, `${kind} ${e.name}`).not.toMatch(/lineNumber:\d+,columnNumber:\d+/);
        expect(code, `${kind} ${e.name}`).not.toContain(join(tmpdir(), pkg.name));
        expect(code, `${kind} ${e.name}`).not.toContain(ROOT);
      }
    }
  });

  it('ships manifests with package.json version, and none with key or update_url in the Chrome zip', () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      const manifest = JSON.parse(zip(first, kind).find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
      expect(manifest.version, kind).toBe(pkg.version);
      if (kind === 'chrome') {
        expect(manifest).not.toHaveProperty('key');
        expect(manifest).not.toHaveProperty('update_url');
        expect(manifest.background).toHaveProperty('service_worker');
      } else {
        expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
      }
    }
  });

  it('puts the tracked sources, BUILD.md and package-lock.json in the sources zip, and no build output', () => {
    const names = zip(first, 'sources').map((e) => e.name);
    expect(names).toContain('BUILD.md');
    expect(names).toContain('package-lock.json');
    expect(names).toContain('package.json');
    expect(names).toContain('vite.config.ts');
    expect(names.filter((n) => /^(node_modules|dist|dist-firefox|release|\.tmp|\.git)\//.test(n))).toEqual([]);
    // --allow-dirty (as above): tracked files plus untracked ones .gitignore does not exclude.
    const expected = [...listSources(ROOT, { untracked: true }).files.map((f) => f.path).filter((p) => p !== 'BUILD.md'), 'BUILD.md'].sort();
    expect([...names].sort()).toEqual(expected);
    if (isGitRoot(ROOT)) {
      const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
      for (const path of tracked.filter((p) => existsSync(join(ROOT, p)))) expect(names, path).toContain(path);
    }
  });

  it('writes a BUILD.md that names the Node version, the commands and the store zips\u2019 hashes', () => {
    const buildMd = zip(first, 'sources').find((e) => e.name === 'BUILD.md')!.data.toString('utf8');
    expect(buildMd).toContain(process.version);
    expect(buildMd).toContain('npm ci');
    expect(buildMd).toContain('npm run package');
    expect(buildMd).not.toMatch(/\{\{\w+\}\}/);
    for (const kind of ['chrome', 'firefox'] as const) expect(buildMd).toContain(first.find((z) => z.kind === kind)!.sha256);
  });
});

describe('npm run package on a git work tree', () => {
  it('refuses uncommitted changes to tracked files unless allowed', () => {
    const repo = mkdtempSync(join(tmpdir(), 'package-dirty-'));
    try {
      const git = (...args: string[]) => {
        const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
      };
      writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
      writeFileSync(join(repo, 'a.ts'), 'export {};\n');
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'init');
      writeFileSync(join(repo, 'untracked.txt'), 'not a tracked change\n');
      // Clean apart from an untracked file: gets past the check (and stops later, at the missing node_modules).
      expect(() => packageRelease({ root: repo, outDir: join(repo, 'release'), log: quiet })).toThrow(/node_modules is missing/);

      writeFileSync(join(repo, 'a.ts'), 'export const changed = 1;\n');
      let error: unknown;
      try {
        packageRelease({ root: repo, outDir: join(repo, 'release'), log: quiet });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PackageError);
      expect((error as Error).message).toMatch(/uncommitted changes[\s\S]*a\.ts[\s\S]*--allow-dirty/);
      expect(() => packageRelease({ root: repo, outDir: join(repo, 'release'), allowDirty: true, log: quiet })).toThrow(/node_modules is missing/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
