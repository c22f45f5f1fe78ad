// Gzip sizes of the three entry points of a built extension (popup, options, service worker), each counted
// with every JS chunk it loads statically — what the browser must fetch and parse before the entry runs.
// Dynamic `import()` chunks are not counted: they load later, on demand.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 4 budget, in kB (1 kB = 1000 bytes) of gzip -9. */
export const BUDGET_KB = { popup: 16, options: 16, worker: 12 };

// Static edges in minified ES modules: `import x from"./a.js"`, `import"./a.js"`, `export{a}from"./a.js"`.
// The negative look-behind skips identifiers ending in "import"/"export"; `import(` (dynamic) never matches
// because a quote must follow `import` directly or after a `from`.
const STATIC_EDGE = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g;
const HTML_SCRIPT = /<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi;
const HTML_PRELOAD = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["'][^>]*>/gi;

/** Resolves `spec` as the browser would, relative to the file at `fromRel` (paths relative to dist root). */
function resolveInDist(fromRel, spec) {
  if (/^[a-z]+:/i.test(spec)) return null; // absolute URL: not part of the bundle
  if (spec.startsWith('/')) return posix.normalize(spec.slice(1));
  return posix.normalize(posix.join(posix.dirname(fromRel), spec));
}

/** Every JS file (relative to `distDir`) that loading `entryRel` fetches before running. */
export function staticClosure(distDir, entryRel) {
  const seen = new Set();
  const queue = [];
  if (entryRel.endsWith('.html')) {
    const html = readFileSync(join(distDir, entryRel), 'utf8');
    for (const re of [HTML_SCRIPT, HTML_PRELOAD]) {
      for (const m of html.matchAll(re)) {
        const r = resolveInDist(entryRel, m[1]);
        if (r) queue.push(r);
      }
    }
  } else {
    queue.push(entryRel);
  }
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel) || !rel.endsWith('.js')) continue;
    if (!existsSync(join(distDir, rel))) throw new Error(`${rel} is referenced but missing from ${distDir}`);
    seen.add(rel);
    const code = readFileSync(join(distDir, rel), 'utf8');
    for (const m of code.matchAll(STATIC_EDGE)) {
      const r = resolveInDist(rel, m[1]);
      if (r) queue.push(r);
    }
  }
  return [...seen];
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * @param {string} distDir a built extension (has manifest.json)
 * @returns {{name: 'popup'|'options'|'worker', entry: string, files: string[], raw: number, gzipConcat: number, gzipSum: number}[]}
 *   gzipSum = each file compressed on its own (what the browser transfers/stores); gzipConcat = all files as one
 *   stream (a lower bound, shown for reference).
 */
export function entrySizes(distDir) {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${relative(process.cwd(), manifestPath)} is missing; build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = [
    ['popup', manifest.action?.default_popup],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
    ['worker', manifest.background?.service_worker ?? manifest.background?.scripts?.[0]],
  ];
  return entries.map(([name, entry]) => {
    if (!entry) throw new Error(`manifest has no ${name} entry`);
    const files = staticClosure(distDir, entry).sort();
    const buffers = files.map((f) => readFileSync(join(distDir, f)));
    return {
      name,
      entry,
      files,
      raw: buffers.reduce((n, b) => n + b.length, 0),
      gzipSum: buffers.reduce((n, b) => n + gz(b), 0),
      gzipConcat: gz(Buffer.concat(buffers)),
    };
  });
}

export const kB = (bytes) => (bytes / 1000).toFixed(2);

/** Rows for a printed table: entry, gzip, budget, verdict. */
export function sizeRows(distDir) {
  return entrySizes(distDir).map((e) => ({
    ...e,
    budgetKb: BUDGET_KB[e.name],
    withinBudget: e.gzipSum / 1000 <= BUDGET_KB[e.name],
  }));
}

