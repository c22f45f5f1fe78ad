/**
 * The table: one row per figure (what, target, measured, met), built from what the sections measured, and the
 * notes printed under it. The methods are in cli.ts.
 */
import { DEBOUNCE_MS } from '../../e2e/harness.ts';
import { ALL_KINDS } from '../../src/shared/kinds.ts';
import { BUDGET_KB, ISSUE_9_KB, kB, sizeRows } from '../lib/bundle-sizes.mjs';
import type { measureColdStart } from './cold-start.ts';
import { type DirectoryMeasured, directoryRows } from './directory.ts';
import { type HomeMeasured, homeRows } from './home.ts';
import type { measureRender } from './render.ts';
import { type RequestKind, isSearch, kindOf, searchedText } from './request-kind.ts';
import { HTTP1_CONNECTIONS_PER_HOST, KEY_DELAY_MS, LATENCY_MS } from './settings.ts';
import { iqr, list, median, ms } from './stats.ts';
import { type TypingRun, describeWire, type measureBytes, type measureRepeat } from './typing.ts';

/** figure, target, measured, met (null: reported only, no target). */
type Row = [string, string, string, boolean | null];

/** What the sections measured; a section that did not run is null. */
export interface Measured {
  h1: TypingRun | null;
  h2: TypingRun | null;
  repeat: Awaited<ReturnType<typeof measureRepeat>> | null;
  render: Awaited<ReturnType<typeof measureRender>> | null;
  coldStart: Awaited<ReturnType<typeof measureColdStart>> | null;
  bytes: Awaited<ReturnType<typeof measureBytes>> | null;
  /** The local directory's rows (directory.ts). */
  directory: DirectoryMeasured | null;
  /** The empty box and the toolbar count (home.ts). */
  home: HomeMeasured | null;
}

/** Requests while the first query was typed, by what they served, with the distinct texts each kind searched. */
function requestsByKind(run: TypingRun): Map<RequestKind, { requests: number; texts: Set<string> }> {
  const perKind = new Map<RequestKind, { requests: number; texts: Set<string> }>();
  for (const r of run.typingRequests) {
    const k = kindOf(r);
    const entry = perKind.get(k) ?? { requests: 0, texts: new Set<string>() };
    entry.requests += 1;
    if (isSearch(k)) entry.texts.add(searchedText(r));
    perKind.set(k, entry);
  }
  return perKind;
}

const TARGET_MS = LATENCY_MS + DEBOUNCE_MS + 50;

function firstKinds(run: TypingRun): string {
  const counts = new Map<string, number>();
  for (const t of run.timings) counts.set(t.firstKind, (counts.get(t.firstKind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}/${run.timings.length}`).join(', ');
}

function latencyRow(run: TypingRun): Row {
  const all = run.timings.map((t) => t.allMs);
  return [
    `last keystroke → all groups rendered, server latency ${LATENCY_MS} ms, ${run.transport.name}`,
    `≤ ${TARGET_MS} ms (latency + debounce ${DEBOUNCE_MS} + 50)`,
    `${ms(median(all))} median (${list(all)}); ${describeWire(run)}`,
    median(all) <= TARGET_MS,
  ];
}

function firstGroupRow(run: TypingRun): Row {
  const first = run.timings.map((t) => t.firstGroupMs);
  return [
    `last keystroke → the settled search's first group reaches the popup, server latency ${LATENCY_MS} ms, ${run.transport.name}`,
    `none (floor: latency + debounce = ${LATENCY_MS + DEBOUNCE_MS} ms)`,
    `${ms(median(first))} median (${list(first)}); first group: ${firstKinds(run)}`,
    null,
  ];
}

/** Where the time between the last key and the finished list goes: before the requests leave, on the wire, after. */
function breakdownRow(run: TypingRun): Row {
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
}

function typingRows({ h1, h2, repeat }: Measured): Row[] {
  const rows: Row[] = [];
  if (h1 && repeat) {
    const perKind = requestsByKind(h1);
    const maxSearches = Math.max(...ALL_KINDS.map((k) => perKind.get(k)?.texts.size ?? 0));
    const searchRequests = ALL_KINDS.reduce((n, k) => n + (perKind.get(k)?.requests ?? 0), 0);
    rows.push(
      [`requests per kind while typing "jonathan" at ${KEY_DELAY_MS} ms per key (all ${ALL_KINDS.length} kinds)`, '≤ 1',
        `${maxSearches} search per kind (max); ${searchRequests} search requests: ${ALL_KINDS.map((k) => `${k} ${perKind.get(k)?.requests ?? 0}`).join(', ')}`,
        maxSearches <= 1],
      latencyRow(h1),
      ...(h2 ? [latencyRow(h2)] : []),
      firstGroupRow(h1),
      ...(h2 ? [firstGroupRow(h2)] : []),
      breakdownRow(h1),
      ...(h2 ? [breakdownRow(h2)] : []),
      ['repeat query within the cache lifetime', '0 requests, painted in the first frame',
        `${repeat.searchRequests} search requests (+${repeat.cardRequests} for the open card, +${repeat.waitingRequests} for Waiting for you); first frame: "${repeat.frame.query}", ${repeat.frame.results} results, ${repeat.requestsBeforePaint} requests before it`,
        repeat.searchRequests === 0 && repeat.frame.results > 0 && repeat.requestsBeforePaint === 0],
    );
  } else if (h2) {
    rows.push(latencyRow(h2), firstGroupRow(h2), breakdownRow(h2));
  }
  return rows;
}

function pageRows({ render, coldStart }: Measured): Row[] {
  const rows: Row[] = [];
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
  return rows;
}

function sizeRowsOf(dist: string, { bytes }: Measured): Row[] {
  const rows: Row[] = [];
  if (bytes) {
    const ratio = bytes.full > 0 ? bytes.trimmed / bytes.full : Number.NaN;
    rows.push(['response bytes with trimmed `$fields` ÷ without', '≤ 0.3', `${ratio.toFixed(2)} (${kB(bytes.trimmed)} kB vs ${kB(bytes.full)} kB over ${bytes.requests} requests)`, ratio <= 0.3]);
  }
  const sizes = sizeRows(dist);
  const size = (name: string) => sizes.find((s) => s.name === name)!;
  rows.push(['gzip size of popup / options / worker bundles (JS + CSS loaded before each runs)',
    `≤ ${BUDGET_KB.popup} / ${BUDGET_KB.options} / ${BUDGET_KB.worker} kB (issue 9: ${ISSUE_9_KB.popup} / ${ISSUE_9_KB.options} / ${ISSUE_9_KB.worker})`,
    `${kB(size('popup').gzipSum)} / ${kB(size('options').gzipSum)} / ${kB(size('worker').gzipSum)} kB; later, by import(): popup ${kB(size('popup').laterGzip)}, options ${kB(size('options').laterGzip)} (form and connection panels together)`,
    sizes.every((s) => s.gzipSum <= BUDGET_KB[s.name] * 1000)]);
  return rows;
}

/** Prints the table and the notes under it. */
export function printReport(dist: string, measured: Measured, footer: string): void {
  const rows = [...typingRows(measured), ...directoryRows(measured.directory, measured.h1?.wire.map((q) => q.searches)), ...pageRows(measured), ...homeRows(measured.home), ...sizeRowsOf(dist, measured)];
  console.log('\n| figure | target | measured | |');
  console.log('|---|---|---|---|');
  for (const [figure, goal, value, ok] of rows) console.log(`| ${figure} | ${goal} | ${value} | ${ok === null ? 'info' : ok ? 'met' : 'NOT met'} |`);
  const { h1, h2 } = measured;
  if (h1) console.log(`\nRequests while typing "jonathan" by endpoint group (HTTP/1.1 run): ${[...requestsByKind(h1)].map(([k, v]) => `${k} ${v.requests}`).join(', ')}.`);
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
  console.log(footer);
}
