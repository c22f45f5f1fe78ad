import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entrySizes, staticClosure } from './bundle-sizes.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function dist(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bundle-sizes-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('staticClosure', () => {
  it('follows static imports and re-exports from the HTML entry, not dynamic imports', () => {
    const root = dist({
      'src/popup/index.html': '<script type="module" crossorigin src="/assets/popup.js"></script><link rel="modulepreload" href="/assets/shared.js">',
      'assets/popup.js': 'import{h as a}from"./preact.js";import"./style-side-effect.js";export{b}from"./shared.js";const later=import("./extras.js");x.import("./not-an-import.js");',
      'assets/preact.js': 'export const h=1;',
      'assets/style-side-effect.js': '',
      'assets/shared.js': 'import*as p from"./preact.js";export const b=p;',
      'assets/extras.js': 'import"./only-from-extras.js";',
      'assets/only-from-extras.js': '',
    });
    expect(staticClosure(root, 'src/popup/index.html').sort()).toEqual([
      'assets/popup.js', 'assets/preact.js', 'assets/shared.js', 'assets/style-side-effect.js',
    ]);
  });

  it('fails loudly when a referenced chunk is missing', () => {
    const root = dist({ 'sw.js': 'import"./assets/gone.js";' });
    expect(() => staticClosure(root, 'sw.js')).toThrow(/gone\.js/);
  });
});

describe('entrySizes', () => {
  it('measures the popup, options and worker entries named by the manifest', () => {
    const root = dist({
      'manifest.json': JSON.stringify({
        action: { default_popup: 'p.html' }, options_ui: { page: 'o.html' }, background: { service_worker: 'sw.js' },
      }),
      'p.html': '<script type="module" src="/a.js"></script>',
      'o.html': '<script type="module" src="/a.js"></script>',
      'a.js': 'export const a = "' + 'x'.repeat(5000) + '";',
      'sw.js': 'import"./a.js";',
    });
    const sizes = entrySizes(root);
    expect(sizes.map((s) => s.name)).toEqual(['popup', 'options', 'worker']);
    expect(sizes[2]?.files).toEqual(['a.js', 'sw.js']);
    for (const s of sizes) {
      expect(s.gzipSum).toBeGreaterThan(0);
      expect(s.gzipSum).toBeLessThan(s.raw);
    }
  });
});
