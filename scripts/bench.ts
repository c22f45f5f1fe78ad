/**
 * `npm run bench`: the issue-4 benchmark. Drives the built extension in headless Chromium against the demo
 * Space server (with injected latency) and prints the table. It reports; it never fails the build.
 *
 * Methods (each figure says how it was measured, so the numbers can be judged):
 *  - Requests per kind: "jonathan" typed into the popup at 50 ms per key (the server answers after 300 ms);
 *    every request the demo server received from the first key until the search was complete, classified by
 *    endpoint. "Searches" = distinct texts asked for that kind; issue and review search fan out over the
 *    projects in scope, one request per project per search.
 *  - Last keystroke → all groups rendered: in the page, `performance.now()` at the last keydown vs. the first
 *    moment after it when the popup reports the search complete (progress bar off, status line written),
 *    observed by a MutationObserver. Server latency 300 ms on every API request. Median of several queries
 *    typed at 50 ms per key, after a warm-up search (the issue/review project scope is cached then, as in use).
 *    Measured twice, each in a browser of its own: over HTTP/1.1 on plain http (the demo server's default, and
 *    Space On-Premises' out of the box), where Chromium opens at most 6 connections per host, and over HTTP/2
 *    with TLS (`startDemoServer({ tls: true })`), how Space deployments are reached behind their TLS proxy, where
 *    every request shares one connection. The demo certificate is self-signed, so that browser alone runs with
 *    --ignore-certificate-errors (its host permission is then `https://127.0.0.1/*`). The demo server's request
 *    log shows the protocol and connection of every request; the table reports them.
 *  - Last keystroke → first group rendered: same runs, the first moment after the last keydown when a result
 *    group is in the DOM (the box was emptied before typing, so any group is the new search's).
 *  - Where the time goes: same runs, all on the system clock. In the service worker, a wrapper around fetch():
 *    when each search request was started and when its response headers arrived; from the demo server's log:
 *    when the first search request arrived and when the last answer was sent; from a listener the probe adds to
 *    the popup's lookup port before the page's own: when the worker's last group message and `done` arrived.
 *  - Repeat query: the popup is closed and reopened within the cache lifetime; the DOM is captured when the
 *    popup marks its first frame, and search requests are counted for 1.5 s after opening (the card of the
 *    active result loads its own details; those are shown separately).
 *  - Popup first render ÷ blank page: both are tabs of the same extension in the same browser; the blank page
 *    is the popup's own HTML shell with its stylesheets but without scripts (added to a copy of dist/). Both
 *    are timed by the same injected probe: `performance.now()` (ms since navigation start) at the first
 *    animation frame in which the page's content exists (popup: its search box; blank: its body). Pairs of tab
 *    opens after two uncounted warm-up pairs, the order within a pair alternating (blank first, then popup
 *    first) so neither page always gets the warmer browser; the figure is the median of the per-pair ratios,
 *    with their interquartile range. The popup's own `__firstRenderMs` mark is shown alongside.
 *  - Worker cold start ÷ warm: the popup opened with a query in its URL (`?q=ABC-T-n`, as the context menu opens
 *    it; a different issue key each time, so no cache answers), timed like the first render: `performance.now()`
 *    (ms since navigation start) at the first animation frame in which a result row exists. Cold: the service
 *    worker stopped first (`Harness.killWorker()`: CDP Target.closeTarget, as Chrome stops an idle worker), so the
 *    popup's status request and lookup port start it. Warm: the worker running and used a moment before. Demo
 *    server without added latency, so the figure is the worker's start, not Space's answer time. Pairs after one
 *    uncounted warm-up pair, the order alternating within a pair; the figure is the median of the per-pair ratios.
 *  - Response bytes: each distinct search request the popup made for the timed queries is replayed against the
 *    demo server with its `$fields` and without (then the demo, like Space, answers with each type's default
 *    field set; which fields are default is modelled by the demo server [I]); body bytes summed.
 *  - Sizes: gzip -9 of each entry with the JS and CSS it loads statically, from Vite's build manifest (as
 *    `npm run size`).
 *
 * Options: `--only=typing,h2,render,cold` runs those parts only (typing = the HTTP/1.1 typing run with the request,
 * repeat and bytes rows; h2 = the HTTP/2 typing run); `--no-build` measures the existing build; `--verbose`.
 * The extension measured is dist/, or `E2E_DIST` (e2e/paths.ts), which is also where the benchmark builds it:
 * `E2E_DIST=.tmp/my-dist npm run bench` leaves dist/ alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, Harness, ROOT, DEBOUNCE_MS, installFirstFrameProbe, readFirstFrame } from '../e2e/harness.ts';
import { BUDGET_KB, ISSUE_9_KB, kB, sizeRows } from './lib/bundle-sizes.mjs';
import type { DemoServerOptions, RecordedRequest } from './demo-space/server.ts';

const LATENCY_MS = 300;
const KEY_DELAY_MS = 50;
/** Pairs of (blank, popup) opens; even, so both orders are sampled equally. */
const RENDER_SAMPLES = 20;
/** Chromium's per-host socket limit for HTTP/1.1 (net::ClientSocketPoolManager, normal pool). */
const HTTP1_CONNECTIONS_PER_HOST = 6;
const TYPING_QUERIES = ['jonathan', 'whitaker', 'amsterdam', 'telemetry', 'backend'];
/** Per process, so two benchmarks can run side by side. */
const BENCH_EXT = join(ROOT, '.tmp', `bench-ext-${process.pid}`);
/** Pairs of (cold, warm) popup opens for the worker's cold start; even, so both orders are sampled equally. */
const COLD_SAMPLES = 10;
const SECTIONS = ['typing', 'h2', 'render', 'cold'] as const;
type Section = (typeof SECTIONS)[number];
const BLANK_PAGE = 'bench-blank.html';

type Kind = 'person' | 'team' | 'location' | 'project' | 'issue' | 'repository' | 'review' | 'scope' | 'details' | 'avatar' | 'other';
const KINDS: Kind[] = ['person', 'team', 'location', 'project', 'issue', 'repository', 'review'];

/** Which kind a demo-server request served, by endpoint (paths as the demo server records them). */
function kindOf(r: Pick<RecordedRequest, 'path' | 'query'>): Kind {
  const p = r.path.replace(/^\/api\/http/, '');
  if (p.startsWith('/d/')) return 'avatar';
  if (p === '/team-directory/profiles') return 'person';
  if (p === '/team-directory/teams') return 'team';
  if (p === '/team-directory/locations') return 'location';
  if (p === '/projects/repositories/find') return 'repository';
  if (/^\/projects\/[^/]+\/planning\/issues$/.test(p)) return 'issue';
  if (/^\/projects\/[^/]+\/code-reviews$/.test(p)) return 'review';
  if (p === '/projects/member:me' || (p === '/projects' && r.query.starred?.[0] === 'true')) return 'scope';
  if (p === '/projects') return 'project';
  // What the card of the active result loads (profile, time zone, working days, absences, team, project, issue…).
  if (/^\/team-directory\/(profiles|teams|locations)\/[^/]+/.test(p) || p === '/absences' || /^\/projects\/key:[^/]+($|\/.)/.test(p)) return 'details';
  return 'other';
}

/** figure, target, measured, met (null: reported only, no target). */
type Row = [string, string, string, boolean | null];

const searchedText = (r: RecordedRequest) => r.query.query?.[0] ?? r.query.term?.[0] ?? r.query.text?.[0] ?? '';

/** The q-quantile (0…1) with linear interpolation between ranks; NaN for no samples. */
const quantile = (xs: number[], q: number) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${Math.round(x)} ms`;
const list = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? Math.round(x) : '–')).join(', ');

/** dist/ plus a blank page made of the popup's HTML shell (stylesheets kept, scripts removed). */
function prepareExtension(): void {
  rmSync(BENCH_EXT, { recursive: true, force: true });
  cpSync(DIST, BENCH_EXT, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(BENCH_EXT, 'manifest.json'), 'utf8'));
  const shell = readFileSync(join(BENCH_EXT, manifest.action.default_popup), 'utf8')
    .replace(/<script\b[^>]*><\/script>\s*/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>\s*/gi, '');
  writeFileSync(join(BENCH_EXT, BLANK_PAGE), shell);
}

/** In every extension page: key times, completion times, and the first frame with content. */
async function installProbes(h: Harness): Promise<void> {
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
            if (m && typeof m === 'object') bench.port.push({ at: performance.now(), type: String(m.type), kind: String(m.kind || '') });
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

interface BenchState {
  keys: number[];
  /** When the popup reported a search complete. */
  done: number[];
  /** When result groups appeared after there were none, and which kind came first. */
  groups: { at: number; kind: string }[];
  /** Lookup-port messages as they reached the popup. */
  port: { at: number; type: string; kind: string }[];
  contentFrame: number;
  resultFrame: number;
}
const benchState = (page: Page) => page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

async function waitIdle(h: Harness, quietMs = 400): Promise<void> {
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

interface Timing {
  /** The last keydown, epoch ms (the page's clock; the demo server's log uses the same system clock). */
  lastKeyAt: number;
  /** Last key → search complete. */
  allMs: number;
  /** Last key → first result group in the DOM (NaN if the query found nothing). */
  firstGroupMs: number;
  firstKind: string;
  /** Last key → the worker's last fresh group message / its `done` message reached the popup (NaN: not observed). */
  lastGroupMessageMs: number;
  doneMessageMs: number;
}

/** Types `query` at KEY_DELAY_MS per key into an emptied box and times the answer from the last key. */
async function typeAndTime(popup: Page, query: string): Promise<Timing> {
  const input = popup.getByTestId('search-input');
  // Empty the box (Esc on an empty box would close the popup).
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await popup.waitForTimeout(DEBOUNCE_MS + 100);
  const before = await benchState(popup);
  await popup.keyboard.type(query, { delay: KEY_DELAY_MS });
  const lastKey = () => benchState(popup).then((s) => s.keys[s.keys.length - 1] ?? 0);
  const keyAt = await lastKey();
  await popup.waitForFunction(
    ([after, n]) => {
      const s = (window as unknown as { __bench: BenchState }).__bench;
      return s.done.length > n && s.done[s.done.length - 1]! > after;
    },
    [keyAt, before.done.length] as const,
    { timeout: 30_000 },
  );
  const s = await benchState(popup);
  const doneAt = s.done.find((t) => t > keyAt) ?? Number.NaN;
  const first = s.groups.find((g) => g.at > keyAt);
  const timeOrigin = await popup.evaluate(() => performance.timeOrigin);
  const messages = s.port.filter((m) => m.at > keyAt);
  const doneMessage = messages.find((m) => m.type === 'done');
  const lastGroupMessage = messages.filter((m) => m.type === 'group' && (!doneMessage || m.at <= doneMessage.at)).at(-1);
  return {
    lastKeyAt: timeOrigin + keyAt,
    allMs: doneAt - keyAt,
    firstGroupMs: (first?.at ?? Number.NaN) - keyAt,
    firstKind: first?.kind ?? 'none',
    lastGroupMessageMs: (lastGroupMessage?.at ?? Number.NaN) - keyAt,
    doneMessageMs: (doneMessage?.at ?? Number.NaN) - keyAt,
  };
}

interface Transport {
  name: string;
  demo: DemoServerOptions;
  browserArgs: string[];
}

const HTTP1: Transport = { name: 'HTTP/1.1 (http)', demo: {}, browserArgs: [] };
const HTTP2: Transport = {
  name: 'HTTP/2 (https)',
  demo: { tls: true },
  // Only this throwaway benchmark browser: the demo certificate is self-signed and must never be trusted for real.
  browserArgs: ['--ignore-certificate-errors'],
};

/** A fetch() the service worker made: when it was called and when its response headers arrived (epoch ms). */
interface WorkerFetch {
  url: string;
  start: number;
  headers: number;
}

/**
 * Times every fetch() of the service worker (the Space client binds `globalThis.fetch` when a search opens its
 * connection, so a wrapper installed now sees the next searches). Idempotent; reinstalled if the worker restarted.
 * A string, not a function, for the reason given in installProbes.
 */
async function instrumentWorkerFetch(h: Harness): Promise<void> {
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

async function workerFetches(h: Harness): Promise<WorkerFetch[]> {
  return (await h.worker()).evaluate('globalThis.__benchFetches ? globalThis.__benchFetches.slice() : []') as Promise<WorkerFetch[]>;
}

function kindOfUrl(url: string): Kind {
  const u = new URL(url);
  const query: Record<string, string[]> = {};
  for (const [k, v] of u.searchParams) (query[k] ??= []).push(v);
  return kindOf({ path: decodeURIComponent(u.pathname), query });
}

interface QueryWire {
  /** Search requests (the seven kinds) the query made. */
  searches: number;
  connections: number;
  protocols: Set<string>;
  /** First to last arrival of those requests at the server: how long the browser kept them queued. */
  arrivalSpreadMs: number;
  /** Last key → the first search request reached the server (debounce + popup + worker + network). */
  toFirstRequestMs: number;
  /** Last key → the server sent its last search answer. */
  toLastAnswerMs: number;
  /** Last key → the worker called fetch() for its first / last search request (NaN: not observed). */
  toFirstFetchMs: number;
  toLastFetchMs: number;
  /** Last key → the response headers of the worker's last search request arrived in the worker. */
  toLastHeadersMs: number;
}

interface TypingRun {
  transport: Transport;
  timings: Timing[];
  wire: QueryWire[];
  /** Everything the server received while "jonathan" was typed and answered. */
  typingRequests: RecordedRequest[];
  /** The search requests of all timed queries. */
  searchRequests: RecordedRequest[];
}

/** Connects the extension, warms up, then types each of TYPING_QUERIES with LATENCY_MS on every request. */
async function measureTyping(h: Harness, transport: Transport): Promise<TypingRun> {
  await (await h.connect(h.origin, h.demo.token)).close();
  await installProbes(h);
  h.demo.setLatency(LATENCY_MS);

  // Warm-up: first search resolves the issue/review project scope (then cached, as in everyday use).
  const popup = await h.openPopupPage();
  await typeAndTime(popup, 'alpha');
  await waitIdle(h);

  h.demo.clearRequests();
  const timings: Timing[] = [];
  const wire: QueryWire[] = [];
  let typingRequests: RecordedRequest[] = [];
  for (const [i, q] of TYPING_QUERIES.entries()) {
    const from = h.demo.requests.length;
    await instrumentWorkerFetch(h);
    const timing = await typeAndTime(popup, q);
    timings.push(timing);
    await waitIdle(h);
    const requests = h.demo.requests.slice(from);
    if (i === 0) typingRequests = requests;
    if (process.argv.includes('--verbose')) {
      const t0 = requests[0]?.at ?? 0;
      console.log(`${transport.name}: "${q}": all groups ${ms(timing.allMs)}, first group ${ms(timing.firstGroupMs)} after the last key; requests (ms after the first request; connection):`);
      for (const r of requests) {
        const answered = r.answeredAt ? `answered +${String(r.answeredAt - t0).padStart(4)}` : 'unanswered    ';
        console.log(`  +${String(r.at - t0).padStart(4)}  ${answered}  #${String(r.connection).padEnd(3)} ${r.protocol.padEnd(8)} ${kindOf(r).padEnd(10)} ${r.method} ${r.path} ${searchedText(r)}`);
      }
    }
    const searches = requests.filter((r) => KINDS.includes(kindOf(r)));
    const arrivals = searches.map((r) => r.at);
    const fetches = (await workerFetches(h)).filter((f) => f.start >= timing.lastKeyAt && KINDS.includes(kindOfUrl(f.url)));
    const edge = (xs: number[], pick: (...v: number[]) => number) => (xs.length ? pick(...xs) - timing.lastKeyAt : Number.NaN);
    wire.push({
      toFirstFetchMs: edge(fetches.map((f) => f.start), Math.min),
      toLastFetchMs: edge(fetches.map((f) => f.start), Math.max),
      toLastHeadersMs: fetches.some((f) => f.headers === 0) ? Number.NaN : edge(fetches.map((f) => f.headers), Math.max),
      searches: searches.length,
      connections: new Set(searches.map((r) => r.connection)).size,
      protocols: new Set(requests.map((r) => r.protocol)),
      arrivalSpreadMs: arrivals.length ? Math.max(...arrivals) - Math.min(...arrivals) : 0,
      toFirstRequestMs: Math.min(...arrivals) - timing.lastKeyAt,
      toLastAnswerMs: Math.max(...searches.map((r) => r.answeredAt)) - timing.lastKeyAt,
    });
  }
  await popup.close();
  h.demo.setLatency(0);
  return { transport, timings, wire, typingRequests, searchRequests: h.demo.requests.filter((r) => KINDS.includes(kindOf(r))) };
}

/** Reopens the popup within the cache lifetime (the last view is the last timed query). */
async function measureRepeat(h: Harness) {
  h.demo.clearRequests();
  const reopened = await h.openPopupPage();
  const frame = await readFirstFrame(reopened);
  const requestsBeforePaint = h.demo.requests.filter((r) => r.at <= frame.at).length;
  await reopened.waitForTimeout(1500);
  const searchRequests = h.demo.requests.filter((r) => KINDS.includes(kindOf(r)) || kindOf(r) === 'scope').length;
  const cardRequests = h.demo.requests.length - searchRequests;
  if (process.argv.includes('--verbose')) {
    console.log('Requests after reopening the popup:');
    for (const r of h.demo.requests) console.log(`  ${kindOf(r).padEnd(10)} ${r.method} ${r.path} ${JSON.stringify(r.query)}`);
  }
  await reopened.close();
  return { frame, requestsBeforePaint, searchRequests, cardRequests };
}

/** Popup first render ÷ blank extension page: pairs of cold tab opens, alternating which goes first. */
async function measureRender(h: Harness) {
  const popupFrames: number[] = [];
  const popupMarks: number[] = [];
  const blankFrames: number[] = [];
  const ratios: number[] = [];
  // Each open starts from a quiet browser: the previous tab's teardown must not land in the next page's timing.
  const settle = () => new Promise((r) => setTimeout(r, 150));
  const openBlank = async () => {
    await settle();
    const blank = await h.context.newPage();
    await blank.goto(h.extUrl(BLANK_PAGE));
    await blank.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.contentFrame >= 0);
    const at = (await benchState(blank)).contentFrame;
    await blank.close();
    return at;
  };
  const openPopup = async () => {
    await settle();
    const p = await h.openPopupPage();
    await p.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.contentFrame >= 0);
    const at = (await benchState(p)).contentFrame;
    const mark = (await readFirstFrame(p)).ms;
    await p.close();
    return { at, mark };
  };
  const WARM_UP = 2;
  for (let i = -WARM_UP; i < RENDER_SAMPLES; i++) {
    // The warm-up pairs compile and cache both pages' resources and are not counted.
    let blank: number;
    let popup: { at: number; mark: number };
    if (i % 2 === 0) {
      blank = await openBlank();
      popup = await openPopup();
    } else {
      popup = await openPopup();
      blank = await openBlank();
    }
    if (process.argv.includes('--verbose')) {
      console.log(`render pair ${i}${i < 0 ? ' (warm-up)' : ''}: ${i % 2 === 0 ? 'blank first' : 'popup first'}: blank ${ms(blank)}, popup ${ms(popup.at)} (mark ${ms(popup.mark)})`);
    }
    if (i < 0) continue;
    blankFrames.push(blank);
    popupFrames.push(popup.at);
    popupMarks.push(popup.mark);
    ratios.push(popup.at / blank);
  }
  return { popupFrames, popupMarks, blankFrames, ratios };
}

/**
 * The worker's cold start: the popup opened with an issue key in its URL, first result painted, with the worker
 * stopped first (cold) or running (warm). Each open asks for a key not asked before, so no cache answers.
 */
async function measureColdStart(h: Harness) {
  let issue = 0;
  const settle = () => new Promise((r) => setTimeout(r, 150));
  const open = async (cold: boolean) => {
    issue += 1;
    if (cold) await h.killWorker();
    else await h.worker();
    await settle();
    const p = await h.openPopupPage(`ABC-T-${issue}`);
    await p.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.resultFrame >= 0, undefined, { timeout: 30_000 });
    const at = (await benchState(p)).resultFrame;
    await p.close();
    if (cold) {
      // ms from the worker's start (its time origin) to the end of its top-level code: src/background/index.ts.
      const [evaluating = -1, ready = -1] = await (await h.worker()).evaluate(() => ['space-lookup:evaluating', 'space-lookup:listening']
        .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? -1));
      if (evaluating >= 0 && ready >= 0 && sampling) {
        loaded.push(evaluating);
        listening.push(ready);
      }
    }
    return at;
  };
  const loaded: number[] = [];
  const listening: number[] = [];
  let sampling = false;
  const cold: number[] = [];
  const warm: number[] = [];
  const ratios: number[] = [];
  const WARM_UP = 1;
  for (let i = -WARM_UP; i < COLD_SAMPLES; i++) {
    sampling = i >= 0;
    let c: number;
    let w: number;
    if (i % 2 === 0) {
      c = await open(true);
      w = await open(false);
    } else {
      w = await open(false);
      c = await open(true);
    }
    if (process.argv.includes('--verbose')) console.log(`cold-start pair ${i}${i < 0 ? ' (warm-up)' : ''}: cold ${ms(c)}, warm ${ms(w)}`);
    if (i < 0) continue;
    cold.push(c);
    warm.push(w);
    ratios.push(c / w);
  }
  return { cold, warm, ratios, loaded, listening };
}

/** Replays each distinct search request with its `$fields` and without; body bytes of both. */
async function measureBytes(h: Harness, searchRequests: RecordedRequest[]) {
  const seen = new Set<string>();
  let trimmed = 0;
  let full = 0;
  for (const r of searchRequests) {
    if (r.method !== 'GET' || !r.query.$fields) continue;
    const params = new URLSearchParams();
    for (const [k, values] of Object.entries(r.query)) for (const v of values) params.append(k, v);
    const key = `${r.path}?${params}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fetchBytes = async (p: URLSearchParams) => {
      const res = await fetch(`${h.origin}${r.path.split('/').map(encodeURIComponent).join('/')}?${p}`, { headers: { authorization: `Bearer ${h.demo.token}` } });
      return (await res.arrayBuffer()).byteLength;
    };
    trimmed += await fetchBytes(params);
    const without = new URLSearchParams(params);
    without.delete('$fields');
    full += await fetchBytes(without);
  }
  return { trimmed, full, requests: seen.size };
}

const startHarness = (transport: Transport) => Harness.start({
  extDir: BENCH_EXT, actionTimeoutMs: 30_000, demo: transport.demo, browserArgs: transport.browserArgs,
});

/** One figure per query: "n search requests on c connections (h2), arriving over s ms". */
function describeWire(run: TypingRun): string {
  const w = run.wire;
  const protocols = [...new Set(w.flatMap((q) => [...q.protocols]))].join(' + ');
  return `${median(w.map((q) => q.searches))} search requests per query on ${list(w.map((q) => q.connections))} connection(s) (${protocols}), `
    + `arriving over ${list(w.map((q) => q.arrivalSpreadMs))} ms`;
}

function sectionsToRun(): Set<Section> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only === undefined) return new Set(SECTIONS);
  const asked = only.split(',').map((x) => x.trim());
  const unknown = asked.filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length > 0) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return new Set(asked as Section[]);
}

async function main(): Promise<void> {
  const started = Date.now();
  const run = sectionsToRun();
  if (!process.argv.includes('--no-build')) {
    // Into the folder measured (dist/, or E2E_DIST), never anywhere else.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUT_DIR: DIST },
    });
  }
  prepareExtension();
  try {
    // Run 1, plain HTTP/1.1: typing, then everything that does not depend on the transport.
    const plain = await startHarness(HTTP1);
    let h1: TypingRun | null = null;
    let repeat: Awaited<ReturnType<typeof measureRepeat>> | null = null;
    let render: Awaited<ReturnType<typeof measureRender>> | null = null;
    let bytes: Awaited<ReturnType<typeof measureBytes>> | null = null;
    let coldStart: Awaited<ReturnType<typeof measureColdStart>> | null = null;
    let browserVersion: string;
    try {
      if (run.has('typing')) {
        h1 = await measureTyping(plain, HTTP1);
        repeat = await measureRepeat(plain);
      } else if (run.has('cold')) {
        await (await plain.connect(plain.origin, plain.demo.token)).close();
        await installProbes(plain);
      } else {
        await installProbes(plain);
      }
      if (run.has('render')) render = await measureRender(plain);
      if (run.has('cold')) coldStart = await measureColdStart(plain);
      if (h1) bytes = await measureBytes(plain, h1.searchRequests);
      browserVersion = plain.context.browser()?.version() ?? '?';
    } finally {
      await plain.close();
    }

    // Run 2, HTTP/2 over TLS, in a fresh browser and profile: the same typing.
    let h2: TypingRun | null = null;
    if (run.has('h2')) {
      const secure = await startHarness(HTTP2);
      try {
        h2 = await measureTyping(secure, HTTP2);
      } finally {
        await secure.close();
      }
    }

    const perKind = new Map<Kind, { requests: number; texts: Set<string> }>();
    for (const r of h1?.typingRequests ?? []) {
      const k = kindOf(r);
      const entry = perKind.get(k) ?? { requests: 0, texts: new Set<string>() };
      entry.requests += 1;
      if (KINDS.includes(k)) entry.texts.add(searchedText(r));
      perKind.set(k, entry);
    }
    const maxSearches = Math.max(...KINDS.map((k) => perKind.get(k)?.texts.size ?? 0));

    const sizes = sizeRows(DIST);
    const size = (name: string) => sizes.find((s) => s.name === name)!;
    const bytesRatio = bytes && bytes.full > 0 ? bytes.trimmed / bytes.full : Number.NaN;
    const target = LATENCY_MS + DEBOUNCE_MS + 50;
    const iqr = (xs: number[], f: (x: number) => string) => `IQR ${f(quantile(xs, 0.25))}–${f(quantile(xs, 0.75))}`;
    const firstKinds = (run: TypingRun) => {
      const counts = new Map<string, number>();
      for (const t of run.timings) counts.set(t.firstKind, (counts.get(t.firstKind) ?? 0) + 1);
      return [...counts].map(([k, n]) => `${k} ${n}/${run.timings.length}`).join(', ');
    };

    const latencyRow = (run: TypingRun): Row => {
      const all = run.timings.map((t) => t.allMs);
      return [
        `last keystroke → all groups rendered, server latency ${LATENCY_MS} ms, ${run.transport.name}`,
        `≤ ${target} ms (latency + debounce ${DEBOUNCE_MS} + 50)`,
        `${ms(median(all))} median (${list(all)}); ${describeWire(run)}`,
        median(all) <= target,
      ];
    };
    const firstGroupRow = (run: TypingRun): Row => {
      const first = run.timings.map((t) => t.firstGroupMs);
      return [
        `last keystroke → first group rendered, server latency ${LATENCY_MS} ms, ${run.transport.name}`,
        `none (floor: latency + debounce = ${LATENCY_MS + DEBOUNCE_MS} ms)`,
        `${ms(median(first))} median (${list(first)}); first group: ${firstKinds(run)}`,
        null,
      ];
    };

    // Where the time between the last key and the finished list goes: before the requests leave, on the wire and
    // at the server, and after the last answer.
    const breakdownRow = (run: TypingRun): Row => {
      const step = (label: string, xs: number[]) => `${label} ${ms(median(xs))} (${list(xs)})`;
      return [
        `where the time goes after the last key, ${run.transport.name} (medians)`,
        `first request at debounce ${DEBOUNCE_MS} ms; last answer at ≈ debounce + latency ${DEBOUNCE_MS + LATENCY_MS} ms`,
        [
          step('worker calls fetch() for the first search request', run.wire.map((q) => q.toFirstFetchMs)),
          step('it reaches the server', run.wire.map((q) => q.toFirstRequestMs)),
          step('worker calls fetch() for the last one', run.wire.map((q) => q.toLastFetchMs)),
          step('server sends the last search answer', run.wire.map((q) => q.toLastAnswerMs)),
          step('its response headers reach the worker', run.wire.map((q) => q.toLastHeadersMs)),
          step('the popup receives the last group message', run.timings.map((t) => t.lastGroupMessageMs)),
          step('… and `done`', run.timings.map((t) => t.doneMessageMs)),
          step('list complete', run.timings.map((t) => t.allMs)),
        ].join(' → '),
        null,
      ];
    };

    const rows: Row[] = [];
    if (h1 && repeat && bytes) {
      rows.push(
        [`requests per kind while typing "jonathan" at ${KEY_DELAY_MS} ms per key`, '≤ 1', `${maxSearches} search per kind (max); ${KINDS.map((k) => `${k} ${perKind.get(k)?.requests ?? 0}`).join(', ')} requests`, maxSearches <= 1],
        latencyRow(h1),
        ...(h2 ? [latencyRow(h2)] : []),
        firstGroupRow(h1),
        ...(h2 ? [firstGroupRow(h2)] : []),
        breakdownRow(h1),
        ...(h2 ? [breakdownRow(h2)] : []),
        ['repeat query within the cache lifetime', '0 requests, painted in the first frame', `${repeat.searchRequests} search requests (+${repeat.cardRequests} for the open card); first frame: "${repeat.frame.query}", ${repeat.frame.results} results, ${repeat.requestsBeforePaint} requests before it`, repeat.searchRequests === 0 && repeat.frame.results > 0 && repeat.requestsBeforePaint === 0],
      );
    } else if (h2) {
      rows.push(latencyRow(h2), firstGroupRow(h2), breakdownRow(h2));
    }
    if (render) {
      const ratio = median(render.ratios);
      rows.push(['popup first render ÷ a blank extension page, same run', '≤ 1.25',
        `${ratio.toFixed(2)} median of ${render.ratios.length} alternating pairs (${iqr(render.ratios, (x) => x.toFixed(2))}); `
        + `popup ${ms(median(render.popupFrames))} (${iqr(render.popupFrames, (x) => String(Math.round(x)))} ms) vs blank ${ms(median(render.blankFrames))} (${iqr(render.blankFrames, (x) => String(Math.round(x)))} ms); `
        + `popup's own mark ${ms(median(render.popupMarks))}`,
        ratio <= 1.25]);
    }
    if (coldStart) {
      const ratio = median(coldStart.ratios);
      rows.push(['worker cold start: popup opened with an issue key → first result painted, worker stopped ÷ running, same run', '≤ 3',
        `${ratio.toFixed(2)} median of ${coldStart.ratios.length} alternating pairs (${iqr(coldStart.ratios, (x) => x.toFixed(2))}); `
        + `cold ${ms(median(coldStart.cold))} (${iqr(coldStart.cold, (x) => String(Math.round(x)))} ms) vs warm ${ms(median(coldStart.warm))} (${iqr(coldStart.warm, (x) => String(Math.round(x)))} ms)`,
        ratio <= 3]);
      if (coldStart.listening.length > 0) {
        const running = coldStart.listening.map((x, i) => x - (coldStart.loaded[i] ?? 0));
        rows.push(['worker start → every listener registered (what the bundle costs each wake-up)', 'none',
          `${ms(median(coldStart.listening))} median of ${coldStart.listening.length} cold starts (${iqr(coldStart.listening, (x) => x.toFixed(1))} ms): `
          + `start, fetch, parse and link the modules ${ms(median(coldStart.loaded))} (${iqr(coldStart.loaded, (x) => x.toFixed(1))} ms), `
          + `then their top-level code ${ms(median(running))} (${iqr(running, (x) => x.toFixed(1))} ms)`,
          null]);
      }
    }
    if (bytes) {
      rows.push(['response bytes with trimmed `$fields` ÷ without', '≤ 0.3', `${bytesRatio.toFixed(2)} (${kB(bytes.trimmed)} kB vs ${kB(bytes.full)} kB over ${bytes.requests} requests)`, bytesRatio <= 0.3]);
    }
    rows.push(['gzip size of popup / options / worker bundles (JS + CSS loaded before each runs)',
      `≤ ${BUDGET_KB.popup} / ${BUDGET_KB.options} / ${BUDGET_KB.worker} kB (issue 9: ${ISSUE_9_KB.popup} / ${ISSUE_9_KB.options} / ${ISSUE_9_KB.worker})`,
      `${kB(size('popup').gzipSum)} / ${kB(size('options').gzipSum)} / ${kB(size('worker').gzipSum)} kB; later, by import(): popup ${kB(size('popup').laterGzip)}, options ${kB(size('options').laterGzip)} (form and connection panels together)`,
      sizes.every((s) => s.gzipSum <= BUDGET_KB[s.name] * 1000)]);

    console.log('\n| figure | target | measured | |');
    console.log('|---|---|---|---|');
    for (const [figure, goal, measured, ok] of rows) console.log(`| ${figure} | ${goal} | ${measured} | ${ok === null ? 'info' : ok ? 'met' : 'NOT met'} |`);
    if (h1) console.log(`\nRequests while typing "jonathan" by endpoint group (HTTP/1.1 run): ${[...perKind].map(([k, v]) => `${k} ${v.requests}`).join(', ')}.`);
    if (h1 && h2) {
      const searches = median(h1.wire.map((q) => q.searches));
      console.log(
        `Note on transports: Chromium opens at most ${HTTP1_CONNECTIONS_PER_HOST} HTTP/1.1 connections per host, so over plain http the `
        + `${searches} search requests of one query queue in ${Math.ceil(searches / HTTP1_CONNECTIONS_PER_HOST)} waves of ${LATENCY_MS} ms `
        + `(their arrival at the server spreads over ${ms(median(h1.wire.map((q) => q.arrivalSpreadMs)))}, median). Over HTTP/2 with TLS, `
        + 'how Space deployments are served, they share one connection and arrive together '
        + `(spread ${ms(median(h2.wire.map((q) => q.arrivalSpreadMs)))}). The HTTP/2 run's browser ignores certificate errors for the self-signed demo certificate.`,
      );
    }
    const notH2 = h2 ? h2.wire.filter((q) => !(q.protocols.size === 1 && q.protocols.has('h2'))).length : 0;
    if (h2 && notH2 > 0) console.log(`Warning: ${notH2} of ${h2.wire.length} queries of the HTTP/2 run were not served over h2 only; that row does not measure HTTP/2.`);
    console.log(`Chromium ${browserVersion}, ${process.platform} ${process.arch}, bench took ${((Date.now() - started) / 1000).toFixed(1)} s. Methods: see the header of scripts/bench.ts.`);
  } finally {
    rmSync(BENCH_EXT, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  // A benchmark reports; a failure to measure is printed, not turned into a red build.
  console.error(`bench: could not complete: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
});
