import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGET_KB, ISSUE_9_KB, entrySizes, extensionEntries, laterFiles, sizeRows, staticFiles } from './bundle-sizes.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function dist(files: Record<string, string | Buffer | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'bundle-sizes-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  }
  return root;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
/** Base64 of random bytes: gzip gets it back to about the random bytes, so this compresses to ≈ `kb` kB. */
const incompressible = (kb: number) => randomBytes(kb * 1000).toString('base64');

/** A built extension laid out as crxjs 3 writes it: HTML pages by source path, the worker behind a loader. */
function crxBuild(sizes: { popupKb?: number; workerKb?: number } = {}) {
  const files: Record<string, string | object> = {
    'manifest.json': {
      action: { default_popup: 'src/popup/index.html' },
      options_ui: { page: 'src/options/index.html' },
      background: { service_worker: 'service-worker-loader.js', type: 'module' },
    },
    'service-worker-loader.js': "import './assets/index.ts-W1.js';\n",
    '.vite/manifest.json': {
      '../../@crx/manifest': { file: 'assets/crx-manifest.js-X.js', src: '../../@crx/manifest', isEntry: true },
      '_theme-T.js': { file: 'assets/theme-T.js', imports: ['_urls-U.js'], css: ['assets/theme-T.css'] },
      '_urls-U.js': { file: 'assets/urls-U.js' },
      '_base-B.js': { file: 'assets/base-B.js' },
      'src/background/index.ts': { file: 'assets/index.ts-W1.js', src: 'src/background/index.ts', isEntry: true, imports: ['_base-B.js', '_urls-U.js'] },
      'src/options/index.html': { file: 'assets/index.html-O.js', src: 'src/options/index.html', isEntry: true, imports: ['_theme-T.js', '_base-B.js'], css: ['assets/options.css'] },
      'src/popup/index.html': {
        file: 'assets/index.html-P.js', src: 'src/popup/index.html', isEntry: true,
        imports: ['_theme-T.js', '_urls-U.js'], dynamicImports: ['src/popup/extras.ts'], css: ['assets/popup.css'],
      },
      'src/popup/extras.ts': { file: 'assets/extras-E.js', src: 'src/popup/extras.ts', isDynamicEntry: true, imports: ['_theme-T.js', '_extras-only.js'] },
      '_extras-only.js': { file: 'assets/extras-only.js' },
    },
    'assets/theme-T.js': 'import"./urls-U.js";export const h=1;',
    'assets/theme-T.css': ':root{color:red}',
    'assets/urls-U.js': 'export const u=1;',
    'assets/base-B.js': 'export const b=1;',
    'assets/index.ts-W1.js': sizes.workerKb ? `export const w="${incompressible(sizes.workerKb)}";` : 'import"./base-B.js";',
    'assets/index.html-O.js': 'import"./theme-T.js";',
    'assets/options.css': 'body{margin:0}',
    'assets/index.html-P.js': sizes.popupKb ? `export const p="${incompressible(sizes.popupKb)}";` : 'import"./theme-T.js";',
    'assets/popup.css': 'body{width:400px}',
    'assets/extras-E.js': incompressible(40),
    'assets/extras-only.js': incompressible(40),
  };
  return dist(files);
}

describe('staticFiles', () => {
  it('follows static imports transitively and collects their CSS, never dynamic imports', () => {
    const manifest = {
      'e.html': { file: 'e.js', imports: ['_a.js'], dynamicImports: ['lazy.ts'], css: ['e.css'] },
      '_a.js': { file: 'a.js', imports: ['_b.js', '_a.js'], css: ['a.css', 'e.css'] },
      '_b.js': { file: 'b.js', imports: ['_a.js'] },
      'lazy.ts': { file: 'lazy.js', imports: ['_c.js'], css: ['lazy.css'] },
      '_c.js': { file: 'c.js' },
    };
    expect(staticFiles(manifest, 'e.html')).toEqual({ js: ['e.js', 'a.js', 'b.js'], css: ['e.css', 'a.css'] });
  });

  it('fails loudly for an entry or import the manifest does not have', () => {
    expect(() => staticFiles({}, 'src/popup/index.html')).toThrow(/no chunk "src\/popup\/index.html"/);
    expect(() => staticFiles({ 'e.html': { file: 'e.js', imports: ['_gone.js'] } }, 'e.html')).toThrow(/_gone\.js.*imported by "e\.html"/);
  });
});

describe('laterFiles', () => {
  it('lists what import() fetches beyond the static files, from the entry and from its static imports', () => {
    const manifest = {
      'e.html': { file: 'e.js', imports: ['_a.js'], dynamicImports: ['lazy.ts'], css: ['e.css'] },
      '_a.js': { file: 'a.js', dynamicImports: ['other.ts'] },
      'lazy.ts': { file: 'lazy.js', imports: ['_a.js', '_c.js'], css: ['lazy.css'] },
      'other.ts': { file: 'other.js', imports: ['_c.js'] },
      '_c.js': { file: 'c.js' },
    };
    expect(laterFiles(manifest, 'e.html')).toEqual(['lazy.js', 'c.js', 'lazy.css', 'other.js']);
    expect(laterFiles(manifest, 'other.ts')).toEqual([]);
  });
});

describe('extensionEntries', () => {
  it('finds the pages by path and the worker entry behind crxjs\'s loader', () => {
    const root = crxBuild();
    const vite = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(extensionEntries(root, vite)).toEqual([
      { name: 'popup', key: 'src/popup/index.html', loader: null },
      { name: 'options', key: 'src/options/index.html', loader: null },
      { name: 'worker', key: 'src/background/index.ts', loader: 'service-worker-loader.js' },
    ]);
  });

  it('reads Firefox\'s background.scripts and a worker named directly', () => {
    const root = dist({ 'manifest.json': { action: { default_popup: 'p.html' }, options_ui: { page: 'o.html' }, background: { scripts: ['sw.js'] } } });
    const vite = { 'sw.ts': { file: 'sw.js', isEntry: true } };
    expect(extensionEntries(root, vite)[2]).toEqual({ name: 'worker', key: 'sw.ts', loader: null });
  });

  it('refuses a loader that imports no Vite entry', () => {
    const root = dist({
      'manifest.json': { action: { default_popup: 'p.html' }, options_ui: { page: 'o.html' }, background: { service_worker: 'loader.js' } },
      'loader.js': "import './assets/elsewhere.js';",
    });
    expect(() => extensionEntries(root, { 'sw.ts': { file: 'assets/sw.js', isEntry: true } })).toThrow(/imports no Vite entry/);
  });
});

describe('entrySizes', () => {
  it('counts each entry with its static JS and CSS, the loader for the worker, and not dynamic chunks', () => {
    const root = crxBuild();
    const [popup, options, worker] = entrySizes(root);
    expect(popup?.files).toEqual(['assets/index.html-P.js', 'assets/theme-T.js', 'assets/urls-U.js', 'assets/popup.css', 'assets/theme-T.css']);
    expect(options?.files).toEqual(['assets/index.html-O.js', 'assets/theme-T.js', 'assets/urls-U.js', 'assets/base-B.js', 'assets/options.css', 'assets/theme-T.css']);
    expect(worker?.files).toEqual(['service-worker-loader.js', 'assets/index.ts-W1.js', 'assets/base-B.js', 'assets/urls-U.js']);
    expect(popup?.css).toBe(gz('body{width:400px}') + gz(':root{color:red}'));
    expect(popup?.gzipSum).toBe(popup!.js + popup!.css);
    expect(worker?.css).toBe(0);
    expect(worker?.js).toBe(gz("import './assets/index.ts-W1.js';\n") + gz('import"./base-B.js";') + gz('export const b=1;') + gz('export const u=1;'));
  });

  it('fails when a file the manifest lists is missing from the output', () => {
    const root = crxBuild();
    rmSync(join(root, 'assets/theme-T.css'));
    expect(() => entrySizes(root)).toThrow(/theme-T\.css \(loaded by the popup\) is missing/);
  });

  it('fails without the Vite manifest, pointing at build.manifest', () => {
    const root = crxBuild();
    rmSync(join(root, '.vite'), { recursive: true });
    expect(() => entrySizes(root)).toThrow(/build\.manifest/);
  });
});

describe('budgets', () => {
  it('are issue 9\'s for the pages, and the decided ceiling for the worker', () => {
    expect(BUDGET_KB).toEqual({ popup: 16, options: 16, worker: 41.5 });
    expect(ISSUE_9_KB).toEqual({ popup: 16, options: 16, worker: 20 });
  });

  it('judge the sum of the files\' gzip sizes, so a worker over its budget fails and one under passes', () => {
    const over = sizeRows(crxBuild({ workerKb: 42 }));
    expect(over.find((r) => r.name === 'worker')).toMatchObject({ budgetKb: 41.5, withinBudget: false });
    expect(over.find((r) => r.name === 'popup')?.withinBudget).toBe(true);
    expect(sizeRows(crxBuild({ workerKb: 21 }), ISSUE_9_KB).find((r) => r.name === 'worker')?.withinBudget).toBe(false);
    const under = sizeRows(crxBuild({ workerKb: 18 }));
    expect(under.every((r) => r.withinBudget)).toBe(true);
  });
});

describe('size-report --check', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [fileURLToPath(new URL('../size-report.mjs', import.meta.url)), ...args], { encoding: 'utf8' });

  it('exits 1 and names the bundle when one is over budget', () => {
    const r = run('--check', crxBuild({ popupKb: 16.5 }));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/popup .*≤ 16 {2}OVER by/);
    expect(r.stderr).toMatch(/size:check failed: over budget: .* popup$/m);
  });

  it('exits 1 when a page carries Vite\'s own preload helper again (the small one in vite.config.ts stopped applying)', () => {
    const root = crxBuild();
    writeFileSync(join(root, 'assets/theme-T.js'), 'const e=new Event("vite:preloadError",{cancelable:true});export const h=e;');
    const r = run('--check', root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/popup carries Vite's own preload helper again \(assets\/theme-T\.js\)/);
    expect(r.stderr).toMatch(/options carries Vite's own preload helper again/);
  });

  it('exits 0 when every bundle is within budget, and 1 when the build is missing', () => {
    expect(run('--check', crxBuild()).status).toBe(0);
    const empty = dist({});
    const r = run('--check', empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/manifest\.json is missing/);
  });

  it('only reports without --check', () => {
    expect(run(crxBuild({ popupKb: 18 })).status).toBe(0);
  });
});
