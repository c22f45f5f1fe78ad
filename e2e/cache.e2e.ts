/**
 * Issue 4 "instant on repeat": reopening the popup paints the last query and its results in the first
 * frame, from storage.session, before any request reaches Space; then it refreshes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './use-harness.ts';
import { installFirstFrameProbe, readFirstFrame } from './first-frame.ts';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';

describe('cache-first paint', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });
  beforeAll(async () => {
    await installFirstFrameProbe(h.context);
  });

  it('the second open paints the last query and its results before any request', async () => {
    const first = await h.openPopupPage();
    await typeQuery(first, 'jonathan');
    await waitForSearchDone(first);
    const shown = await first.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));
    expect(shown.length).toBeGreaterThan(0);
    await first.close();

    h.demo.clearRequests();
    const again = await h.openPopupPage();
    const frame = await readFirstFrame(again);
    expect(frame.query).toBe('jonathan');
    expect(frame.results).toBe(shown.length);
    expect(frame.groups).toContain('group-person');
    // No request had reached the server when that frame was painted.
    expect(h.demo.requests.filter((r) => r.at <= frame.at)).toEqual([]);

    // The refresh then settles on the same results.
    await waitForSearchDone(again);
    const refreshed = await again.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));
    expect(refreshed).toEqual(shown);
    await again.close();
  });

  it('the same query again within the cache lifetime is answered without asking Space', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'whitaker');
    await waitForSearchDone(popup);
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    h.demo.clearRequests();
    await typeQuery(popup, 'whitaker');
    await waitForSearchDone(popup);
    expect(await popup.locator('[data-testid="result"]').count()).toBeGreaterThan(0);
    expect(h.demo.requests.map((r) => r.path)).toEqual([]);
    await popup.close();
  });

  it('Forget clears every cache: reconnecting paints nothing from before', async () => {
    const options = await h.openOptions();
    await options.getByTestId('forget').click();
    await options.getByTestId('url-input').waitFor();
    for (const area of ['session', 'local'] as const) {
      expect(JSON.stringify(await h.storage(area)), `storage.${area}`).not.toContain('jonathan.whitaker');
    }
    await options.close();
    await (await h.connect(h.origin, h.demo.token)).close();
    const popup = await h.openPopupPage();
    const frame = await readFirstFrame(popup);
    expect(frame.query).toBe('');
    expect(frame.results).toBe(0);
    await popup.close();
  });
});
