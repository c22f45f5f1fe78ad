/**
 * Identical requests in flight are shared: two ports (popup + omnibox) or two quick identical searches get
 * one request to Space. Each caller can still cancel its own wait; the shared request is aborted only when
 * every caller has gone.
 *
 * This map is in memory on purpose: it only saves duplicate work, so losing it when the worker stops loses
 * nothing.
 */
import { cancelled } from '../../space/http-errors.ts';

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

const inFlight = new Map<string, InFlight>();

export function shareInFlight<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());

  let entry = inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: InFlight = { promise: Promise.resolve(), controller, waiting: 0, settled: false };
    created.promise = start(controller.signal).finally(() => {
      created.settled = true;
      if (inFlight.get(key) === created) inFlight.delete(key);
    });
    // The rejection is delivered to every waiter below; this keeps an abandoned one from being "unhandled".
    created.promise.catch(() => undefined);
    inFlight.set(key, created);
    entry = created;
  }

  const shared = entry;
  shared.waiting++;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      if (done) return;
      done = true;
      shared.waiting--;
      if (shared.waiting === 0 && !shared.settled) {
        if (inFlight.get(key) === shared) inFlight.delete(key);
        shared.controller.abort();
      }
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        if (done) return;
        done = true;
        shared.waiting--;
        signal.removeEventListener('abort', onAbort);
        resolve(value as T);
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        shared.waiting--;
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
