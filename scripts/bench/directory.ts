/**
 * The local directory (issue 16) in the benchmark: whether it is on, every keystroke → its directory groups painted,
 * a full sync of the large organization (requests, bytes, wall time, storage) and the worker's memory after it.
 * Methods:
 *  - Status: `{type: 'directory-status'}` sent from an extension page (the blank page of render.ts). A build without
 *    the request (it answers bad-request), a policy that turns it off, or no connection: the directory is "off", the
 *    keystroke figures are then the server search's, and the sync and memory rows say why they are missing.
 *  - Keystroke → directory groups painted: a probe in the popup records each keystroke (its keydown, or for text
 *    inserted without one its `input` event, and the box's value then), every search the popup sends on its lookup
 *    port (id, query) and every group message the worker answers (id, kind), and for each group message the next
 *    animation frame (the frame that paints what the page rendered on receiving it). For a keystroke, the figure is from its keydown to the frame of
 *    the last of the directory kinds' (person, team, location, project, repository, channel) first group message
 *    answering the search for exactly that text. A keystroke whose text is never searched (the popup waited for the
 *    next key, as the debounce does) or whose groups never all came (a newer search cancelled it) is counted as not
 *    painted. Queries typed at KEY_DELAY_MS per key, 300 ms server latency, the organization of 10,000 people;
 *    median and p95 over all painted keystrokes, and over the last keystroke of each query alone.
 *  - Full sync: `{type: 'directory-refresh'}` with 300 ms latency; every request the demo server received from then
 *    until the status reports a newer completed copy: count, response bytes, by endpoint; wall time from the request
 *    to the copy's `syncedAt`. Storage: the status' `bytes` (the copy's JSON) and `navigator.storage.estimate()` of
 *    the extension's origin (IndexedDB and all), before and after.
 *  - Worker memory: CDP on the service worker's target, `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage`,
 *    after the sync, and again after the worker was stopped and one directory search started it (the copy read back).
 */
import type { Page } from 'playwright-core';
import { DEBOUNCE_MS, type Harness } from '../../e2e/harness.ts';
import { DIRECTORY_KINDS, type DirectoryStatus } from '../../src/shared/directory.ts';
import { type ProbeState, keystrokeLatencies } from './directory-latency.ts';
import { BLANK_PAGE, KEY_DELAY_MS, LATENCY_MS, TYPING_QUERIES, VERBOSE } from './settings.ts';
import { median, ms, quantile } from './stats.ts';
import type { Transport } from './typing.ts';

/** The bench queries, then names in other scripts and multi-part names the large organization has. */
export const DIRECTORY_QUERIES = [...TYPING_QUERIES, 'иван', 'παπαδ', '王', 'müller-l', 'van der'];

export type DirectoryAvailability = { on: true; status: DirectoryStatus } | { on: false; why: string };

async function withExtensionPage<T>(h: Harness, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await h.context.newPage();
  try {
    await page.goto(h.extUrl(BLANK_PAGE));
    return await fn(page);
  } finally {
    await page.close();
  }
}

type Answer = { ok: true; value: DirectoryStatus } | { ok: false; error: { code: string; reason?: string } };

const ask = (page: Page, type: 'directory-status' | 'directory-refresh') =>
  page.evaluate((t) => chrome.runtime.sendMessage({ type: t }) as Promise<Answer>, type);

function availability(answer: Answer): DirectoryAvailability {
  if (!answer.ok) {
    return { on: false, why: answer.error.code === 'bad-request' ? 'this build has no local directory' : `status refused (${answer.error.code})` };
  }
  const status = answer.value;
  if (status.offByPolicy) return { on: false, why: 'turned off by the managed setting' };
  if (!status.enabled) return { on: false, why: 'not enabled (no connection?)' };
  return { on: true, status };
}

export async function directoryAvailability(h: Harness): Promise<DirectoryAvailability> {
  return withExtensionPage(h, async (page) => availability(await ask(page, 'directory-status')));
}

/**
 * Waits until the directory holds a complete copy newer than `after` (epoch ms), or says why it is off. Called once
 * the extension is connected, before anything is timed, so the typing runs measure a fresh index.
 */
export async function settleDirectory(h: Harness, after = 0, timeoutMs = 180_000): Promise<DirectoryAvailability> {
  return withExtensionPage(h, async (page) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = availability(await ask(page, 'directory-status'));
      if (!now.on) return now;
      const { state, syncedAt } = now.status;
      if (state === 'ready' && syncedAt !== null && syncedAt > after) return now;
      if (state === 'error' && now.status.progress === undefined) return { on: false, why: `sync failed: ${JSON.stringify(now.status.error)}` };
      if (Date.now() > deadline) return { on: false, why: `no complete copy after ${timeoutMs / 1000} s (state ${state})` };
      await page.waitForTimeout(100);
    }
  });
}

/** In every extension page, before its scripts: keystrokes, lookup-port traffic, the frame after each group message. */
export async function installDirectoryProbe(h: Harness): Promise<void> {
  await h.context.addInitScript(`(() => {
    const d = { keys: [], out: [], groups: [] };
    window.__benchDirectory = d;
    // A key's time is its keydown; text typed without one (Playwright inserts characters a US keyboard lacks, such as
    // Cyrillic or Han, with insertText: an input event alone) is timed at its input event.
    let keydownAt = -1;
    document.addEventListener('keydown', (e) => {
      if (e.target && e.target.getAttribute && e.target.getAttribute('data-testid') === 'search-input') keydownAt = performance.now();
    }, true);
    document.addEventListener('input', (e) => {
      if (!e.target || !e.target.getAttribute || e.target.getAttribute('data-testid') !== 'search-input') return;
      d.keys.push({ at: keydownAt >= 0 ? keydownAt : performance.now(), value: e.target.value });
      keydownAt = -1;
    }, true);
    const wrap = (ns) => {
      try {
        const rt = ns && ns.runtime;
        if (!rt || typeof rt.connect !== 'function' || rt.__benchDirectoryWrapped) return;
        const connect = rt.connect.bind(rt);
        rt.connect = (...args) => {
          const port = connect(...args);
          const post = port.postMessage.bind(port);
          port.postMessage = (m) => {
            if (m && typeof m === 'object') d.out.push({ at: performance.now(), type: String(m.type), id: m.id, query: typeof m.query === 'string' ? m.query : null });
            return post(m);
          };
          port.onMessage.addListener((m) => {
            if (!m || typeof m !== 'object' || m.type !== 'group') return;
            const g = { at: performance.now(), id: m.id, kind: String(m.kind), items: Array.isArray(m.items) ? m.items.length : 0, cached: m.cached === true, paint: -1 };
            d.groups.push(g);
            requestAnimationFrame(() => { g.paint = performance.now(); });
          });
          return port;
        };
        rt.__benchDirectoryWrapped = true;
      } catch (e) {
        // Not overridable here: the keystroke figures are then missing.
      }
    };
    wrap(globalThis.chrome);
    wrap(globalThis.browser);
  })();`);
}

export interface KeystrokeRun {
  transport: Transport;
  all: number[];
  last: number[];
  painted: number;
  keystrokes: number;
}

/** Types DIRECTORY_QUERIES into a fresh popup with LATENCY_MS on every request (the typing run's setup). */
export async function measureKeystrokes(h: Harness, transport: Transport): Promise<KeystrokeRun> {
  h.demo.setLatency(LATENCY_MS);
  const popup = await h.openPopupPage();
  try {
    const input = popup.getByTestId('search-input');
    for (const q of DIRECTORY_QUERIES) {
      await input.press('ControlOrMeta+a');
      await input.press('Backspace');
      await popup.waitForTimeout(DEBOUNCE_MS + 100);
      await popup.keyboard.type(q, { delay: KEY_DELAY_MS });
      // Every answer in, the server's included, before the next query empties the box.
      await popup.waitForTimeout(DEBOUNCE_MS + LATENCY_MS * 4);
    }
    const state = await popup.evaluate(() => (window as unknown as { __benchDirectory: ProbeState }).__benchDirectory);
    const run = { transport, ...keystrokeLatencies(state) };
    if (VERBOSE) {
      console.log(`${transport.name}: keystroke → directory groups painted (ms; text; kinds in arrival order, + = with items, ms after the key):`);
      for (const key of state.keys) {
        const ids = new Set(state.out.filter((m) => m.at >= key.at && m.query === key.value).map((m) => m.id));
        const groups = state.groups.filter((g) => ids.has(g.id)).map((g) => `${g.kind}${g.items > 0 ? '+' : ''}@${Math.round(g.paint - key.at)}`);
        console.log(`  "${key.value}": ${groups.join(' ')}`);
      }
    }
    return run;
  } finally {
    await popup.close();
    h.demo.setLatency(0);
  }
}

export interface SyncRun {
  requests: number;
  bytes: number;
  wallMs: number;
  /** Requests per API path (query left out). */
  byPath: Map<string, number>;
  counts: DirectoryStatus['counts'];
  jsonBytes: number;
  storage: DirectoryStatus['storage'];
  originUsageBefore: number;
  originUsageAfter: number;
  heapAfterSync: number | null;
  heapAfterRestart: number | null;
}

/** No sync measured, and why; the worker's heap after a restart and one search all the same (the figure to compare). */
export interface SyncFailed {
  failed: string;
  heapAfterRestart: number | null;
}

const originUsage = (h: Harness) => withExtensionPage(h, (page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0));

/** The service worker's JS heap in use after a garbage collection, over CDP; null when it cannot be read. */
async function workerHeap(h: Harness): Promise<number | null> {
  await h.worker();
  const target = (await h.cdp.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(h.extUrl('')));
  if (!target) return null;
  const channel = await h.cdp.attach(target);
  try {
    await channel.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const usage = await channel.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return usage.usedSize;
  } catch {
    return null;
  } finally {
    await channel.detach().catch(() => undefined);
  }
}

/** The worker's heap once restarted and one people search answered (with the directory: its copy read back). */
async function heapAfterRestart(h: Harness): Promise<number | null> {
  await h.killWorker();
  const popup = await h.openPopupPage();
  try {
    await popup.getByTestId('search-input').fill('jonathan');
    await popup.locator('[data-testid="group-person"]').waitFor({ timeout: 30_000 });
  } finally {
    await popup.close();
  }
  return workerHeap(h);
}

/** A full sync on demand with LATENCY_MS, then the worker's memory (see the header); without a directory, the heap alone. */
export async function measureSync(h: Harness): Promise<SyncRun | SyncFailed> {
  const before = await directoryAvailability(h);
  if (!before.on) return { failed: before.why, heapAfterRestart: await heapAfterRestart(h) };
  const originUsageBefore = await originUsage(h);
  h.demo.setLatency(LATENCY_MS);
  h.demo.clearRequests();
  const started = Date.now();
  try {
    const refreshed = await withExtensionPage(h, (page) => ask(page, 'directory-refresh'));
    if (!refreshed.ok) return { failed: `refresh refused (${refreshed.error.code})`, heapAfterRestart: null };
    const done = await settleDirectory(h, started);
    if (!done.on) return { failed: done.why, heapAfterRestart: null };
    const requests = h.demo.requests.filter((r) => r.path.startsWith('/api/http/'));
    const byPath = new Map<string, number>();
    for (const r of requests) byPath.set(r.path.replace('/api/http', ''), (byPath.get(r.path.replace('/api/http', '')) ?? 0) + 1);
    h.demo.setLatency(0);
    const heapAfterSync = await workerHeap(h);
    const originUsageAfter = await originUsage(h);
    return {
      requests: requests.length, bytes: requests.reduce((n, r) => n + r.bytesSent, 0), wallMs: (done.status.syncedAt ?? Number.NaN) - started,
      byPath, counts: done.status.counts, jsonBytes: done.status.bytes, storage: done.status.storage, originUsageBefore, originUsageAfter,
      heapAfterSync, heapAfterRestart: await heapAfterRestart(h),
    };
  } finally {
    h.demo.setLatency(0);
  }
}

export interface DirectoryMeasured {
  availability: DirectoryAvailability;
  h1: KeystrokeRun | null;
  h2: KeystrokeRun | null;
  sync: SyncRun | SyncFailed | null;
}

type Row = [string, string, string, boolean | null];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const p95 = (xs: number[]) => quantile(xs, 0.95);

function keystrokeRow(run: KeystrokeRun, on: boolean): Row {
  const target = 50;
  return [
    `keystroke → directory groups painted, ${run.transport.name}, 10,000 people, server latency ${LATENCY_MS} ms${on ? '' : ' (local directory off: the server search)'}`,
    `≤ ${target} ms median`,
    `every keystroke: ${ms(median(run.all))} median, p95 ${ms(p95(run.all))} (${run.painted} of ${run.keystrokes} keystrokes painted; `
    + `the others were never searched or were overtaken by the next key); last keystroke of each of ${run.last.length} queries: `
    + `${ms(median(run.last))} median, p95 ${ms(p95(run.last))}`,
    median(run.all) <= target && run.painted === run.keystrokes,
  ];
}

/** Issue 16's goal and the figure before it (README, 2026-12-07: eleven kinds, four projects in scope). */
const SETTLED_GOAL = 10;
const SETTLED_BEFORE = 20;

/** The directory rows of the table (report.ts adds them after the typing rows); `searches`: per timed query, HTTP/1.1. */
export function directoryRows(d: DirectoryMeasured | null | undefined, searches: readonly number[] = []): Row[] {
  if (!d) return [];
  const rows: Row[] = [];
  if (searches.length > 0) {
    rows.push([`server search requests per settled query${d.availability.on ? ', fresh local directory' : ' (local directory off)'}`,
      `≤ ${SETTLED_GOAL} (before issue 16: ${SETTLED_BEFORE})`, `${median([...searches])} median (${searches.join(', ')})`, median([...searches]) <= SETTLED_GOAL]);
  }
  const on = d.availability.on;
  const a = d.availability;
  rows.push(['local directory', 'on, a complete copy before anything is timed',
    a.on ? `on: ${a.status.state}, kept ${a.status.storage}` : `OFF (${a.why}): the keystroke rows below time the server search`, null]);
  if (d.h1) rows.push(keystrokeRow(d.h1, on));
  if (d.h2) rows.push(keystrokeRow(d.h2, on));
  if (d.sync && 'failed' in d.sync) {
    rows.push(['full sync of the 10,000-person organization', 'reported', `not measured: ${d.sync.failed}`, null]);
    const heap = d.sync.heapAfterRestart;
    rows.push(['worker JS heap after GC, after a restart and one people search', 'reported', heap === null ? '–' : mb(heap), null]);
  }
  else if (d.sync) {
    const s = d.sync;
    const counts = DIRECTORY_KINDS.map((k) => `${k} ${s.counts[k]}`).join(', ');
    rows.push([`full sync of the 10,000-person organization, HTTP/1.1, server latency ${LATENCY_MS} ms`, 'reported',
      `${s.requests} requests, ${mb(s.bytes)} of answers, ${(s.wallMs / 1000).toFixed(1)} s wall; ${counts}; `
      + `by endpoint: ${[...s.byPath].map(([p, n]) => `${p} ${n}`).join(', ')}`, null]);
    rows.push(['directory storage and worker memory after the sync', 'reported',
      `copy ${mb(s.jsonBytes)} as JSON, kept ${s.storage}; the extension origin's storage (navigator.storage.estimate, all of it) `
      + `${mb(s.originUsageBefore)} before the refresh, ${mb(s.originUsageAfter)} after; `
      + `worker JS heap after GC ${s.heapAfterSync === null ? '–' : mb(s.heapAfterSync)} after the sync, `
      + `${s.heapAfterRestart === null ? '–' : mb(s.heapAfterRestart)} after a restart and one search`, null]);
  }
  return rows;
}
