/**
 * MV3 stops an idle service worker after ~30 s; nothing that matters may live only in its memory. The worker
 * is stopped over CDP between (and during) steps, and the popup must carry on.
 */
import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

const JONATHAN = (h: Harness) => `[data-testid="result"][data-url="${h.origin}/m/jonathan.whitaker"]`;

describe('service worker stopped between steps', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  /** Marks the running worker instance, so a later check can tell a fresh instance from it. */
  const mark = () => h.sw(() => {
    (globalThis as { __e2eInstance?: number }).__e2eInstance = 1;
  });
  const isFreshInstance = () => h.sw(() => (globalThis as { __e2eInstance?: number }).__e2eInstance === undefined);

  it('a popup opened after the worker was stopped still searches', async () => {
    await mark();
    await h.killWorker();
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await popup.locator(JONATHAN(h)).waitFor();
    expect(await isFreshInstance()).toBe(true);
    await popup.close();
  });

  it('an open popup whose worker was stopped still searches on the next keystrokes', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'whit');
    await waitForSearchDone(popup);
    await mark();
    await h.killWorker();
    await typeQuery(popup, 'jonathan');
    await popup.locator(JONATHAN(h)).waitFor();
    expect(await isFreshInstance()).toBe(true);
    await popup.close();
  });

  it('a search in flight when the worker stops is answered anyway', async () => {
    const popup = await h.openPopupPage();
    h.demo.setLatency(800);
    h.demo.clearRequests();
    try {
      await typeQuery(popup, 'jonathan');
      // Wait until the worker is waiting on Space, then stop it.
      await expect.poll(() => h.demo.requests.some((r) => r.status === 0), { timeout: 5000 }).toBe(true);
      await mark();
      await h.killWorker();
      await popup.locator(JONATHAN(h)).waitFor({ timeout: 15_000 });
      expect(await isFreshInstance()).toBe(true);
    } finally {
      h.demo.setLatency(0);
    }
    await popup.close();
  });
});
