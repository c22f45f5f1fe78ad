/**
 * What the benchmark injects: a probe in every extension page (key times, completion, first frames, port
 * messages) and a fetch() timer in the service worker. Both are strings, not functions: tsx adds `__name(...)`
 * helpers to transpiled functions, absent in the page.
 */
import type { Page } from 'playwright-core';
import { installFirstFrameProbe } from '../../e2e/first-frame.ts';
import type { Harness } from '../../e2e/harness.ts';
import { BLANK_PAGE } from './settings.ts';

export async function installProbes(h: Harness): Promise<void> {
  await installFirstFrameProbe(h.context);
  // A string, not a function: tsx adds `__name(...)` helpers to transpiled functions, absent in the page.
  await h.context.addInitScript(`(() => {
    const bench = { keys: [], done: [], groups: [], port: [], contentFrame: -1, resultFrame: -1 };
    window.__bench = bench;
    // Arrival of every lookup-port message from the worker, timed by a listener registered before the page's own.
    const wrap = (ns) => {
      try {
        const rt = ns && ns.runtime;
        if (!rt || typeof rt.connect !== 'function' || rt.__benchWrapped) return;
        const connect = rt.connect.bind(rt);
        rt.connect = (...args) => {
          const port = connect(...args);
          port.onMessage.addListener((m) => {
            if (m && typeof m === 'object') bench.port.push({ at: performance.now(), type: String(m.type), kind: String(m.kind || ''), id: Number(m.id) });
          });
          return port;
        };
        rt.__benchWrapped = true;
      } catch (e) {
        // Not overridable here: the breakdown then has no port figures.
      }
    };
    wrap(globalThis.chrome);
    wrap(globalThis.browser);
    document.addEventListener('keydown', (e) => {
      if (e.target && e.target.getAttribute && e.target.getAttribute('data-testid') === 'search-input') bench.keys.push(performance.now());
    }, true);
    let wasDone = false;
    let hadGroup = false;
    new MutationObserver(() => {
      const now = performance.now();
      const progress = document.querySelector('.progress');
      const status = (document.querySelector('.status-line') || {}).textContent || '';
      const done = progress !== null && !progress.classList.contains('on') && status.trim() !== '';
      if (done && !wasDone) bench.done.push(now);
      wasDone = done;
      const group = document.querySelector('[data-testid^="group-"]');
      if (group && !hadGroup) bench.groups.push({ at: now, kind: group.getAttribute('data-testid').slice('group-'.length) });
      hadGroup = group !== null;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const isBlank = location.pathname.endsWith('/${BLANK_PAGE}');
    const frame = () => {
      const ready = isBlank ? document.body !== null : document.querySelector('[data-testid="search-input"]') !== null;
      if (ready) bench.contentFrame = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // The first frame showing a result row (the worker's answer, or a last view painted from storage).
    const resultFrame = () => {
      if (document.querySelector('[data-testid="result"]') !== null) bench.resultFrame = performance.now();
      else if (performance.now() < 30000) requestAnimationFrame(resultFrame);
    };
    requestAnimationFrame(resultFrame);
  })();`);
}

export interface BenchState {
  keys: number[];
  /** When the popup reported a search complete. */
  done: number[];
  /** When result groups appeared after there were none, and which kind came first. */
  groups: { at: number; kind: string }[];
  /** Lookup-port messages as they reached the popup. */
  port: { at: number; type: string; kind: string; id: number }[];
  contentFrame: number;
  resultFrame: number;
}
export const benchState = (page: Page) => page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

export async function waitIdle(h: Harness, quietMs = 400): Promise<void> {
  let last = h.demo.requests.length;
  let since = Date.now();
  while (Date.now() - since < quietMs || h.demo.requests.some((r) => r.status === 0)) {
    await new Promise((r) => setTimeout(r, 50));
    if (h.demo.requests.length !== last) {
      last = h.demo.requests.length;
      since = Date.now();
    }
  }
}

/** A fetch() the service worker made: when it was called and when its response headers arrived (epoch ms). */
export interface WorkerFetch {
  url: string;
  start: number;
  headers: number;
}

/**
 * Times every fetch() of the service worker (the Space client binds `globalThis.fetch` when a search opens its
 * connection, so a wrapper installed now sees the next searches). Idempotent; reinstalled if the worker restarted.
 * A string, not a function, for the reason given in installProbes.
 */
export async function instrumentWorkerFetch(h: Harness): Promise<void> {
  await (await h.worker()).evaluate(`(() => {
    if (globalThis.__benchFetches) return;
    const fetches = [];
    globalThis.__benchFetches = fetches;
    const original = globalThis.fetch;
    globalThis.fetch = function (input, init) {
      const record = { url: String(input && input.url ? input.url : input), start: Date.now(), headers: 0 };
      fetches.push(record);
      const answer = original.call(this, input, init);
      answer.then(() => { record.headers = Date.now(); }, () => {});
      return answer;
    };
  })()`);
}

export async function workerFetches(h: Harness): Promise<WorkerFetch[]> {
  return (await h.worker()).evaluate('globalThis.__benchFetches ? globalThis.__benchFetches.slice() : []') as Promise<WorkerFetch[]>;
}
