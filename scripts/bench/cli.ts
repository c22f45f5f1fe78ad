/**
 * `npm run bench`: the benchmark. Drives the built extension in headless Chromium against the demo
 * Space server (with injected latency) and prints the table. It reports; it never fails the build.
 *
 * Methods (each figure says how it was measured, so the numbers can be judged):
 *  - Requests per kind (every kind of ALL_KINDS, by endpoint: request-kind.ts): "jonathan" typed into the popup at 50 ms per key (the server answers after 300 ms);
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
 *  - The empty box and the toolbar count (issue 14): see the header of home.ts.
 *  - The local directory (issue 16): see the header of directory.ts. Every run serves the large organization
 *    (`startDemoServer({ large: true })`: 10,000 people, 500 teams, 300 projects, 1,000 repositories, 2,000 channels).
 *
 * Options: `--only=typing,h2,render,cold,home` runs those parts only (typing = the HTTP/1.1 typing run with the request,
 * repeat and bytes rows; h2 = the HTTP/2 typing run); `--no-build` measures the existing build; `--verbose`.
 * The extension measured is dist/, or `E2E_DIST` (e2e/paths.ts), which is also where the benchmark builds it:
 * `E2E_DIST=.tmp/my-dist npm run bench` leaves dist/ alone.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Harness } from '../../e2e/harness.ts';
import { DIST, ROOT } from '../../e2e/paths.ts';
import { measureColdStart } from './cold-start.ts';
import { type DirectoryMeasured, directoryAvailability, installDirectoryProbe, measureKeystrokes, measureSync } from './directory.ts';
import { measureHome } from './home.ts';
import { installProbes } from './probes.ts';
import { type Measured, printReport } from './report.ts';
import { measureRender, prepareExtension } from './render.ts';
import { BENCH_EXT, SECTIONS, type Section } from './settings.ts';
import { HTTP1, HTTP2, type Transport, measureBytes, measureRepeat, measureTyping } from './typing.ts';

const startHarness = async (transport: Transport) => {
  const h = await Harness.start({
    extDir: BENCH_EXT, actionTimeoutMs: 30_000, demo: { ...transport.demo, large: true }, browserArgs: transport.browserArgs,
  });
  await installDirectoryProbe(h);
  return h;
};

function sectionsToRun(): Set<Section> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only === undefined) return new Set(SECTIONS);
  const asked = only.split(',').map((x) => x.trim());
  const unknown = asked.filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length > 0) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return new Set(asked as Section[]);
}

/** Run 1, plain HTTP/1.1: typing, then everything that does not depend on the transport. */
async function measureOverHttp1(run: Set<Section>): Promise<Omit<Measured, 'h2'> & { browserVersion: string }> {
  const plain = await startHarness(HTTP1);
  const measured: Omit<Measured, 'h2'> = { h1: null, repeat: null, render: null, coldStart: null, bytes: null, directory: null, home: null };
  try {
    if (run.has('typing')) {
      measured.h1 = await measureTyping(plain, HTTP1);
      measured.repeat = await measureRepeat(plain);
      const availability = await directoryAvailability(plain);
      measured.directory = { availability, h1: await measureKeystrokes(plain, HTTP1), h2: null, sync: await measureSync(plain) };
    } else if (run.has('cold')) {
      await (await plain.connect(plain.origin, plain.demo.token)).close();
      await installProbes(plain);
    } else {
      await installProbes(plain);
    }
    if (run.has('render')) measured.render = await measureRender(plain);
    if (run.has('cold')) measured.coldStart = await measureColdStart(plain);
    if (measured.h1) measured.bytes = await measureBytes(plain, measured.h1.searchRequests);
    // Last: it sets a search scope and the toolbar count, which the parts above must not see.
    if (run.has('home')) measured.home = await measureHome(plain);
    return { ...measured, browserVersion: plain.context.browser()?.version() ?? '?' };
  } finally {
    await plain.close();
  }
}

/** Run 2, HTTP/2 over TLS, in a fresh browser and profile: the same typing. */
async function measureOverHttp2(): Promise<{ typing: Measured['h2']; keystrokes: DirectoryMeasured['h2']; availability: DirectoryMeasured['availability'] }> {
  const secure = await startHarness(HTTP2);
  try {
    const typing = await measureTyping(secure, HTTP2);
    return { typing, keystrokes: await measureKeystrokes(secure, HTTP2), availability: await directoryAvailability(secure) };
  } finally {
    await secure.close();
  }
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
    const { browserVersion, ...plain } = await measureOverHttp1(run);
    const secure = run.has('h2') ? await measureOverHttp2() : null;
    const h2 = secure?.typing ?? null;
    if (secure?.keystrokes) plain.directory = { ...(plain.directory ?? { availability: secure.availability, h1: null, sync: null }), h2: secure.keystrokes };
    printReport(DIST, { ...plain, h2 },
      `Chromium ${browserVersion}, ${process.platform} ${process.arch}, bench took ${((Date.now() - started) / 1000).toFixed(1)} s. Methods: see the header of scripts/bench/cli.ts.`);
  } finally {
    rmSync(BENCH_EXT, { recursive: true, force: true });
  }
}

// Awaited at the top level: under scripts/lib/vite-run.mjs the module runner serves imports (the demo server's kind
// modules are imported when it starts) only while this module is being evaluated.
await main().catch((e: unknown) => {
  // A benchmark reports; a failure to measure is printed, not turned into a red build.
  console.error(`bench: could not complete: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
});
