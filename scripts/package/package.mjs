#!/usr/bin/env node
// `npm run package`: the store packages of one version, reproducibly.
//
//   release/space-lookup-<version>-chrome.zip    Chrome Web Store and Edge Add-ons
//   release/space-lookup-<version>-firefox.zip   addons.mozilla.org
//   release/space-lookup-<version>-sources.zip   the sources + BUILD.md (AMO asks for them: the code is bundled)
//
// The sources are copied into a fresh temporary folder (node_modules linked in) and both targets are built
// there into fresh temporary outDirs, so the packages come from exactly the files in the sources zip — never
// from dist/, never from a file git does not track. Then `web-ext lint` runs on the Firefox zip; any error
// fails. Refuses when tracked files have uncommitted changes (the sources zip must match a commit) unless
// --allow-dirty, which packages the work tree as it is: changed files, and untracked files not ignored.
//
//   node scripts/package/package.mjs [--allow-dirty] [--out DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listSources } from './sources.mjs';
import { writeZip } from './zip.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const LINT_FIREFOX = join(HERE, '..', 'lint-firefox.mjs');
const BUILD_TEMPLATE = join(HERE, 'BUILD.template.md');
/** Vite's own build metadata (`build.manifest`): read by the size checks, not part of the extension. */
const BUILD_METADATA_DIR = '.vite';

export class PackageError extends Error {}

/**
 * @param {{ root?: string, outDir?: string, allowDirty?: boolean, lint?: boolean, keepBuildsDir?: string, log?: (line: string) => void }} [options]
 */
export function packageRelease(options = {}) {
  const root = resolve(options.root ?? ROOT);
  const outDir = resolve(options.outDir ?? join(root, 'release'));
  const log = options.log ?? ((line) => console.log(line));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const base = `${pkg.name}-${pkg.version}`;

  // --allow-dirty packages the work tree as it is: changed files, and new files not yet added to git.
  const { files, git } = listSources(root, { untracked: options.allowDirty ?? false });
  if (git && git.dirty.length > 0 && !options.allowDirty) {
    throw new PackageError(
      'package: tracked files have uncommitted changes; the sources zip must match a commit.\n' +
        git.dirty.map((line) => `  ${line}\n`).join('') +
        'Commit them first, or pass --allow-dirty for a package that is not a release.',
    );
  }
  if (!git) log(`package: ${root} is not a git work tree; the sources are its files minus what .gitignore lists.`);
  const sources = files.map((f) => ({ name: f.path, data: readFileSync(join(root, f.path)), executable: f.executable }));

  const work = mkdtempSync(join(tmpdir(), `${base}-`));
  try {
    const stage = join(work, 'sources');
    for (const s of sources) {
      mkdirSync(dirname(join(stage, s.name)), { recursive: true });
      writeFileSync(join(stage, s.name), s.data);
    }
    symlinkSync(realNodeModules(root), join(stage, 'node_modules'), 'dir');

    const zips = [];
    const built = {};
    for (const target of ['chrome', 'firefox']) {
      const dir = join(work, target);
      viteBuild(stage, target, dir);
      const entries = builtFiles(dir);
      checkManifest(target, entries, pkg.version);
      built[target] = dir;
      zips.push(writeOut(outDir, `${base}-${target}.zip`, target, writeZip(entries)));
    }

    const dirtyPackage = git !== null && git.dirty.length + git.untracked.length > 0;
    const buildMd = buildInstructions({ root, git, dirtyPackage, version: pkg.version, zips, sourcesZip: `${base}-sources.zip` });
    const withBuildMd = [...sources.filter((s) => s.name !== 'BUILD.md'), { name: 'BUILD.md', data: Buffer.from(buildMd) }];
    zips.push(writeOut(outDir, `${base}-sources.zip`, 'sources', writeZip(withBuildMd)));

    if (options.lint ?? true) {
      const firefoxZip = zips.find((z) => z.kind === 'firefox').path;
      const r = spawnSync(process.execPath, [LINT_FIREFOX, firefoxZip], { cwd: root, encoding: 'utf8' });
      const report = `${r.stdout}${r.stderr}`.trim();
      if (r.status !== 0) throw new PackageError(`package: web-ext lint found errors in ${firefoxZip}:\n${report}`);
      for (const line of report.split('\n')) log(line);
    }
    if (options.keepBuildsDir) {
      for (const [target, dir] of Object.entries(built)) cpSync(dir, join(options.keepBuildsDir, target), { recursive: true });
    }

    if (!git) compareWithBuildMd(root, zips, log);
    for (const z of zips) log(`${relative(process.cwd(), z.path)}  ${z.bytes} bytes  sha256 ${z.sha256}`);
    return { version: pkg.version, zips };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function realNodeModules(root) {
  const dir = join(root, 'node_modules');
  if (!existsSync(join(dir, 'vite', 'package.json'))) throw new PackageError('package: node_modules is missing; run `npm ci` first.');
  return dir;
}

function viteBuild(cwd, target, outDir) {
  // A clean environment for the build: NODE_ENV (vitest sets "test") or VITE_* variables could change the
  // bundle, and the same commit must give the same bytes whoever runs this.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITE_')));
  const r = spawnSync(process.execPath, [join(cwd, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd,
    env: { ...env, TARGET: target, OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new PackageError(`package: the ${target} build failed:\n${r.stdout}${r.stderr}`);
}

/** Every file of a build as zip entries, Vite's metadata folder left out. */
function builtFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === BUILD_METADATA_DIR) continue;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out.push({ name: path, data: readFileSync(join(dir, path)) });
    }
  };
  walk('');
  return out;
}

function checkManifest(target, entries, version) {
  const file = entries.find((e) => e.name === 'manifest.json');
  if (!file) throw new PackageError(`package: the ${target} build has no manifest.json`);
  const manifest = JSON.parse(file.data.toString('utf8'));
  if (manifest.version !== version) {
    throw new PackageError(`package: the ${target} manifest says version ${manifest.version}, package.json ${version}`);
  }
  // The Chrome Web Store rejects uploads whose manifest has a `key` or an `update_url` (the store assigns both).
  for (const key of ['key', 'update_url']) {
    if (key in manifest) throw new PackageError(`package: the ${target} manifest has "${key}"; stores refuse it`);
  }
}

function writeOut(outDir, name, kind, bytes) {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  writeFileSync(path, bytes);
  return { kind, path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** BUILD.md for the sources zip. Outside git (an unpacked sources zip) the one already there is kept as is. */
function buildInstructions({ root, git, dirtyPackage, version, zips, sourcesZip }) {
  if (!git && existsSync(join(root, 'BUILD.md'))) return readFileSync(join(root, 'BUILD.md'), 'utf8');
  const commit = !git
    ? 'an unknown commit (packaged outside git)'
    : `commit \`${git.commit}\` (${git.commitDate})${dirtyPackage ? ' plus uncommitted changes and untracked files — not a release' : ''}`;
  const zip = (kind) => zips.find((z) => z.kind === kind);
  const values = {
    version,
    commit,
    node: process.version,
    zlib: process.versions.zlib,
    platform: `${process.platform} ${process.arch}`,
    chromeZip: basename(zip('chrome').path),
    chromeSha: zip('chrome').sha256,
    firefoxZip: basename(zip('firefox').path),
    firefoxSha: zip('firefox').sha256,
    sourcesZip,
  };
  return readFileSync(BUILD_TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (m, key) => {
    if (!(key in values)) throw new Error(`BUILD.template.md: unknown placeholder ${m}`);
    return values[key];
  });
}

/** Rebuilding from an unpacked sources zip: say whether the store zips came out as BUILD.md promises. */
function compareWithBuildMd(root, zips, log) {
  const file = join(root, 'BUILD.md');
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  for (const z of zips.filter((z) => z.kind !== 'sources')) {
    const ok = text.includes(`\`${z.sha256}\``);
    log(`package: ${z.kind} zip ${ok ? 'matches' : 'DOES NOT match'} the SHA-256 in BUILD.md`);
  }
}

function main(argv) {
  const args = { allowDirty: false, outDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--allow-dirty') args.allowDirty = true;
    else if (argv[i] === '--out' && argv[i + 1]) args.outDir = argv[++i];
    else {
      console.error(`package: unknown argument ${argv[i]}\nusage: npm run package -- [--allow-dirty] [--out DIR]`);
      return 2;
    }
  }
  try {
    packageRelease(args);
    return 0;
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    console.error(e.message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exit(main(process.argv.slice(2)));
