/**
 * The README's screenshots (docs/screenshots/), taken from the real extension against the demo server:
 * the popup with results and a person's card, and the options page connected — light and dark.
 */
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('screenshots for the README', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('options page, connected', async () => {
    const options = await h.connect(h.origin, h.demo.token);
    await options.setViewportSize({ width: 900, height: 700 });
    const files = await h.screenshots(options, 'options');
    for (const f of files) expect(statSync(f).size).toBeGreaterThan(10_000);
    await options.close();
  });

  it('popup with results and a person card', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await moveTo(popup, `${h.origin}/m/jonathan.whitaker`);
    await popup.getByTestId('card').waitFor();
    await expect.poll(() => popup.getByTestId('card').getAttribute('aria-busy')).toBe('false');
    const files = await h.screenshots(popup, 'popup');
    for (const f of files) expect(existsSync(f) && statSync(f).size).toBeGreaterThan(10_000);
    await popup.close();
  });
});
