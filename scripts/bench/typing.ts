/**
 * Typing into the popup and timing the answer: per query, from the last key to the first and to the last group,
 * with what happened on the wire in between; the repeat query answered from the cache; the bytes `$fields` saves.
 */
import type { Page } from 'playwright-core';
import { readFirstFrame } from '../../e2e/first-frame.ts';
import { DEBOUNCE_MS, type Harness } from '../../e2e/harness.ts';
import type { DemoServerOptions, RecordedRequest } from '../demo-space/server.ts';
import { settleDirectory } from './directory.ts';
import { type BenchState, benchState, installProbes, instrumentWorkerFetch, waitIdle, workerFetches } from './probes.ts';
import { isSearch, kindOf, kindOfUrl, searchedText } from './request-kind.ts';
import { KEY_DELAY_MS, LATENCY_MS, TYPING_QUERIES, VERBOSE } from './settings.ts';
import { list, median, ms } from './stats.ts';

export interface Timing {
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
export async function typeAndTime(popup: Page, query: string): Promise<Timing> {
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
  const timeOrigin = await popup.evaluate(() => performance.timeOrigin);
  const messages = s.port.filter((m) => m.at > keyAt);
  const doneMessage = messages.find((m) => m.type === 'done');
  // The settled search's first group as it reaches the page (rendered in the next frame). Not the DOM's first group:
  // since issue 16 the directory's groups and the previous search's held rows are on screen after every key.
  const first = messages.find((m) => m.type === 'group' && (!doneMessage || m.id === doneMessage.id));
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

export interface Transport {
  name: string;
  demo: DemoServerOptions;
  browserArgs: string[];
}

export const HTTP1: Transport = { name: 'HTTP/1.1 (http)', demo: {}, browserArgs: [] };
export const HTTP2: Transport = {
  name: 'HTTP/2 (https)',
  demo: { tls: true },
  // Only this throwaway benchmark browser: the demo certificate is self-signed and must never be trusted for real.
  browserArgs: ['--ignore-certificate-errors'],
};

export interface QueryWire {
  /** Search requests (every kind's) the query made. */
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

export interface TypingRun {
  transport: Transport;
  timings: Timing[];
  wire: QueryWire[];
  /** Everything the server received while "jonathan" was typed and answered. */
  typingRequests: RecordedRequest[];
  /** The search requests of all timed queries. */
  searchRequests: RecordedRequest[];
}

/** Connects the extension, warms up, then types each of TYPING_QUERIES with LATENCY_MS on every request. */
export async function measureTyping(h: Harness, transport: Transport): Promise<TypingRun> {
  await (await h.connect(h.origin, h.demo.token)).close();
  // A fresh local directory (issue 16) before anything is timed, when the build has one (directory.ts).
  await settleDirectory(h);
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
    if (VERBOSE) {
      const t0 = requests[0]?.at ?? 0;
      console.log(`${transport.name}: "${q}": all groups ${ms(timing.allMs)}, first group ${ms(timing.firstGroupMs)} after the last key; requests (ms after the first request; connection):`);
      for (const r of requests) {
        const answered = r.answeredAt ? `answered +${String(r.answeredAt - t0).padStart(4)}` : 'unanswered    ';
        console.log(`  +${String(r.at - t0).padStart(4)}  ${answered}  #${String(r.connection).padEnd(3)} ${r.protocol.padEnd(8)} ${kindOf(r).padEnd(10)} ${r.method} ${r.path} ${searchedText(r)}`);
      }
    }
    const searches = requests.filter((r) => isSearch(kindOf(r)));
    const arrivals = searches.map((r) => r.at);
    const fetches = (await workerFetches(h)).filter((f) => f.start >= timing.lastKeyAt && isSearch(kindOfUrl(f.url)));
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
  return { transport, timings, wire, typingRequests, searchRequests: h.demo.requests.filter((r) => isSearch(kindOf(r))) };
}

/** Reopens the popup within the cache lifetime (the last view is the last timed query). */
export async function measureRepeat(h: Harness) {
  h.demo.clearRequests();
  const reopened = await h.openPopupPage();
  const frame = await readFirstFrame(reopened);
  const requestsBeforePaint = h.demo.requests.filter((r) => r.at <= frame.at).length;
  await reopened.waitForTimeout(1500);
  const searchRequests = h.demo.requests.filter((r) => isSearch(kindOf(r)) || kindOf(r) === 'scope').length;
  // Waiting for you is refreshed once per open (issue 14), whatever the box holds: counted apart, not as a search.
  const waitingRequests = h.demo.requests.filter((r) => kindOf(r) === 'waiting').length;
  const cardRequests = h.demo.requests.length - searchRequests - waitingRequests;
  if (VERBOSE) {
    console.log('Requests after reopening the popup:');
    for (const r of h.demo.requests) console.log(`  ${kindOf(r).padEnd(10)} ${r.method} ${r.path} ${JSON.stringify(r.query)}`);
  }
  await reopened.close();
  return { frame, requestsBeforePaint, searchRequests, waitingRequests, cardRequests };
}


/** Replays each distinct search request with its `$fields` and without; body bytes of both. */
export async function measureBytes(h: Harness, searchRequests: RecordedRequest[]) {
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

/** One figure per query: "n search requests on c connections (h2), arriving over s ms". */
export function describeWire(run: TypingRun): string {
  const w = run.wire;
  const protocols = [...new Set(w.flatMap((q) => [...q.protocols]))].join(' + ');
  return `${median(w.map((q) => q.searches))} search requests per query on ${list(w.map((q) => q.connections))} connection(s) (${protocols}), `
    + `arriving over ${list(w.map((q) => q.arrivalSpreadMs))} ms`;
}
