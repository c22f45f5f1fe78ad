/** Retry timing: capped exponential backoff with full jitter, and a sleep that a signal can cut short. */

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (0 = first retry): uniformly random in
 * `[0, min(max, base·2^attempt)]` ("full jitter"), so clients that failed together don't retry together.
 * A server-requested delay (Retry-After) is a floor.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt));
  const r = random();
  const jitter = Math.max(0, Math.min(1, Number.isFinite(r) ? r : 0)) * Math.max(0, ceiling);
  return Math.max(jitter, retryAfterMs ?? 0);
}

/** Resolves after `ms`; rejects with the signal's reason as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
