/**
 * Page → worker client. Pages never throw on a failed request: every call resolves to a Result,
 * so the UI always has an AppError (with a code the error texts know) to show.
 *
 * MV3 workers sleep. `sendMessage` wakes a sleeping worker, but right after install/update/reload the
 * worker may not have registered its listener yet ("Receiving end does not exist") or may answer
 * slowly while it starts, hence one retry.
 */
import browser from './browser.ts';
import type { Runtime } from 'webextension-polyfill';
import {
  LOOKUP_PORT, LOOKUP_PORT_PRIVATE, type AppError, type LookupServerMessage, type Request, type RequestType, type ResponseFor, type SearchMessage,
} from './protocol.ts';
import { type Filter } from './kinds.ts';

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Requests that reach out to Space more than once (verify + store, revoke) get more time. */
const SLOW_REQUESTS: ReadonlySet<RequestType> = new Set(['connect', 'verify', 'forget']);
/**
 * Requests that change state are retried only when the first attempt certainly never arrived;
 * repeating a `forget` with revoke after a timeout could report a misleading second outcome.
 */
const WRITES: ReadonlySet<RequestType> = new Set(['connect', 'oauth-start', 'forget', 'settings-set']);

const FAST_TIMEOUT_MS = 10_000;
const SLOW_TIMEOUT_MS = 35_000;
/** "Sign in with Space" waits for the user in Space's window (the worker's flow ends when that window closes). */
const SIGN_IN_TIMEOUT_MS = 10 * 60_000;
const RETRY_DELAY_MS = 250;

const NOT_DELIVERED = /receiving end does not exist|could not establish connection/i;

class Timeout extends Error {}

export interface AskOptions {
  timeoutMs?: number;
}

export async function ask<T extends RequestType>(req: RequestOf<T>, opts: AskOptions = {}): Promise<ResponseFor<T>> {
  const timeoutMs = opts.timeoutMs
    ?? (req.type === 'oauth-start' ? SIGN_IN_TIMEOUT_MS : SLOW_REQUESTS.has(req.type) ? SLOW_TIMEOUT_MS : FAST_TIMEOUT_MS);
  let attempt = 0;
  for (;;) {
    attempt += 1;
    try {
      const answer = await withTimeout(browser.runtime.sendMessage(req), timeoutMs);
      // An answer that is not a Result: internal, like no answer at all.
      return isResult(answer) ? (answer as ResponseFor<T>) : errorResult('internal');
    } catch (e) {
      const notDelivered = !(e instanceof Timeout) && NOT_DELIVERED.test(errorMessage(e));
      const mayRetry = attempt === 1 && (notDelivered || (e instanceof Timeout && !WRITES.has(req.type)));
      if (mayRetry) {
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      // No answer in time, or the worker could not be reached.
      return errorResult('internal');
    }
  }
}

function isResult(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error === 'object' && r.error !== null && typeof (r.error as AppError).code === 'string';
}

function errorResult(code: AppError['code']): { ok: false; error: AppError } {
  return { ok: false, error: { code } };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout()), ms);
    p.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---- lookup port ----------------------------------------------------------------------------------

export interface LookupClient {
  /** Sends a new search; returns its id. Messages for older ids should be ignored by the caller. */
  search(query: string, filter: Filter, typing?: boolean): number;
  /**
   * Opens the port now, before any search: the worker loads its local directory when a port connects (a stopped
   * worker reads it back from IndexedDB), so that happens while the user starts typing.
   */
  connect(): void;
  close(): void;
}

/** How many times in a row a port may drop before answering anything, before we give up on a search. */
const MAX_SILENT_RECONNECTS = 2;

/**
 * A `lookup` port that reconnects on its own. The worker's ports die when the worker is stopped;
 * the search in flight at that moment is sent again on a fresh port, so the user never has to retype.
 */
export function connectLookup(
  onMessage: (message: LookupServerMessage) => void,
  opts: { private?: boolean } = {},
): LookupClient {
  // A private window's searches stay out of the worker's storage (cache, last view); protocol.ts.
  const name = opts.private === true ? LOOKUP_PORT_PRIVATE : LOOKUP_PORT;
  let port: Runtime.Port | null = null;
  let nextId = 1;
  let pending: SearchMessage | null = null;
  let silentDrops = 0;
  let closed = false;

  const open = (): Runtime.Port => {
    const p = browser.runtime.connect({ name });
    p.onMessage.addListener((raw: unknown) => {
      if (!isServerMessage(raw)) return;
      silentDrops = 0;
      if (pending && raw.id === pending.id && (raw.type === 'done' || raw.type === 'fail')) pending = null;
      onMessage(raw);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      if (closed || !pending) return;
      silentDrops += 1;
      if (silentDrops > MAX_SILENT_RECONNECTS) {
        const lost = pending;
        pending = null;
        onMessage({ type: 'fail', id: lost.id, error: { code: 'internal' } });
        return;
      }
      send(pending);
    });
    return p;
  };

  const send = (message: SearchMessage) => {
    try {
      port ??= open();
      port.postMessage(message);
    } catch {
      // The port was already dead (worker stopped between checks): one fresh port, then give up quietly
      // and let onDisconnect's accounting decide.
      port = null;
      try {
        port = open();
        port.postMessage(message);
      } catch {
        port = null;
      }
    }
  };

  return {
    search(query, filter, typing = false) {
      const message: SearchMessage = { type: 'search', id: nextId++, query, filter, ...(typing ? { typing } : {}) };
      pending = message;
      silentDrops = 0;
      send(message);
      return message.id;
    },
    connect() {
      try {
        port ??= open();
      } catch {
        // No worker to reach right now: the first search opens the port again.
      }
    },
    close() {
      closed = true;
      pending = null;
      port?.disconnect();
      port = null;
    },
  };
}

function isServerMessage(x: unknown): x is LookupServerMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as { type?: unknown; id?: unknown };
  return (m.type === 'group' || m.type === 'done' || m.type === 'fail') && typeof m.id === 'number';
}
