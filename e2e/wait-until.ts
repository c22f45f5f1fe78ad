/** Polling for what a test can only observe from outside (a worker target, a page the browser opened). */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `probe()` until it gives something truthy; throws after `timeoutMs`, naming `what` it waited for. */
export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}
