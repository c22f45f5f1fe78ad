import { describe, expect, it } from 'vitest';
import { shareInFlight } from './dedupe.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('shareInFlight', () => {
  it('runs one request for identical concurrent callers', async () => {
    let starts = 0;
    const gate = deferred<string>();
    const start = () => { starts++; return gate.promise; };
    const a = shareInFlight('k1', start, new AbortController().signal);
    const b = shareInFlight('k1', start, new AbortController().signal);
    gate.resolve('v');
    await expect(Promise.all([a, b])).resolves.toEqual(['v', 'v']);
    expect(starts).toBe(1);
    // Settled, it is no longer shared: the same request later runs again.
    await shareInFlight('k1', start, new AbortController().signal);
    expect(starts).toBe(2);
  });

  it('aborts the shared request only when every caller has cancelled', async () => {
    let sharedSignal: AbortSignal | undefined;
    const gate = deferred<string>();
    const start = (s: AbortSignal) => { sharedSignal = s; return gate.promise; };
    const ca = new AbortController();
    const cb = new AbortController();
    const a = shareInFlight('k2', start, ca.signal);
    const b = shareInFlight('k2', start, cb.signal);
    ca.abort();
    await expect(a).rejects.toMatchObject({ code: 'cancelled' });
    expect(sharedSignal?.aborted).toBe(false);
    cb.abort();
    await expect(b).rejects.toMatchObject({ code: 'cancelled' });
    expect(sharedSignal?.aborted).toBe(true);
    // The abandoned request is forgotten at once: a new caller starts a fresh one instead of joining it.
    const first = sharedSignal;
    const c = shareInFlight('k2', start, new AbortController().signal);
    expect(sharedSignal).not.toBe(first);
    gate.resolve('late');
    await expect(c).resolves.toBe('late');
  });

  it('starts afresh after a failure, and passes the failure to every caller', async () => {
    let starts = 0;
    const fail = () => { starts++; return Promise.reject(new Error('boom')); };
    await expect(Promise.all([
      shareInFlight('k3', fail, new AbortController().signal),
      shareInFlight('k3', fail, new AbortController().signal),
    ])).rejects.toThrow('boom');
    await expect(shareInFlight('k3', fail, new AbortController().signal)).rejects.toThrow('boom');
    expect(starts).toBe(2);
  });

  it('rejects at once for an already aborted signal without starting anything', async () => {
    let starts = 0;
    const c = new AbortController();
    c.abort();
    await expect(shareInFlight('k4', async () => { starts++; return 1; }, c.signal)).rejects.toMatchObject({ code: 'cancelled' });
    expect(starts).toBe(0);
  });
});
