import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff.ts';

const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('grows exponentially up to the cap (upper bound of the jitter)', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, null, top))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('uses full jitter', () => {
    expect(backoffDelay(2, policy, null, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, null, () => 0.5)).toBe(200);
  });

  it('treats Retry-After as a floor', () => {
    expect(backoffDelay(0, policy, 5000, () => 0.5)).toBe(5000);
    expect(backoffDelay(3, policy, 10, () => 1)).toBe(800);
  });

  it('survives a broken random source', () => {
    expect(backoffDelay(1, policy, null, () => Number.NaN)).toBe(0);
    expect(backoffDelay(1, policy, null, () => 7)).toBe(200);
  });
});

describe('sleep', () => {
  it('waits', async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('is cut short by an abort', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(sleep(5000, controller.signal)).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects at once on an aborted signal', async () => {
    await expect(sleep(5000, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
