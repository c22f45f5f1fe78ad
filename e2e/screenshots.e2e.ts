/**
 * The README's screenshots (written to test-results/shots/screenshots/, published to docs/screenshots/ by
 * `npm run screenshots`), taken from the real extension against the demo server:
 * the popup with results and a person's card, the popup on the empty box (Pinned, Waiting for you, Recent), and the
 * options page connected — light and dark. Each file must
 * show what its name says: the whole page at its real size, in its colour scheme, with the page's content on it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';
import { pngPixels } from './png.ts';
import { openFilledEmptyBox } from './home-setup.ts';
import { useHarness } from './use-harness.ts';

/** Mean relative luminance (0 black … 1 white) and the number of distinct colours, over every 4th pixel. */
function look(file: string): { width: number; height: number; luminance: number; colours: number } {
  const png = pngPixels(readFileSync(file));
  let sum = 0;
  let count = 0;
  const colours = new Set<number>();
  for (let y = 0; y < png.height; y += 4) {
    for (let x = 0; x < png.width; x += 4) {
      const [r, g, b] = png.at(x, y);
      sum += (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      count++;
      colours.add((r << 16) | (g << 8) | b);
    }
  }
  return { width: png.width, height: png.height, luminance: sum / count, colours: colours.size };
}

/** `files` are the light and dark shots of `page` (Harness.screenshots), which now shows the light scheme again. */
async function expectShotsOf(page: Page, files: string[]): Promise<void> {
  const size = await page.evaluate(() => ({
    width: Math.round(document.documentElement.scrollWidth * devicePixelRatio),
    height: Math.round(document.documentElement.scrollHeight * devicePixelRatio),
  }));
  expect(files.map((f) => f.replace(/^.*-(light|dark)\.png$/, '$1'))).toEqual(['light', 'dark']);
  const [light, dark] = files.map(look);
  for (const shot of [light!, dark!]) {
    // The whole page (fullPage), at its real size.
    expect({ width: shot.width, height: shot.height }).toEqual(size);
    // Text, badges and fields, not a blank or half-painted page (a flat page has a handful of colours).
    expect(shot.colours).toBeGreaterThan(40);
  }
  // Each in the scheme its name says: a mostly light page, and a mostly dark one.
  expect(light!.luminance).toBeGreaterThan(0.6);
  expect(dark!.luminance).toBeLessThan(0.35);
}

describe('screenshots for the README', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('options page, connected', async () => {
    const options = await h.connect(h.origin, h.demo.token);
    await options.setViewportSize({ width: 900, height: 700 });
    await options.getByTestId('connected-as').waitFor();
    await expectShotsOf(options, await h.screenshots(options, 'options'));
    await options.close();
  });

  it('popup with results and a person card', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await moveTo(popup, `${h.origin}/m/jonathan.whitaker`);
    await popup.getByTestId('card').waitFor();
    await expect.poll(() => popup.getByTestId('card').getAttribute('aria-busy')).toBe('false');
    await expectShotsOf(popup, await h.screenshots(popup, 'popup'));
    await popup.close();
  });

  it('popup on the empty box: Pinned, Waiting for you, Recent', async () => {
    // Something to show: an item opened (Recent) and one pinned.
    const popup = await openFilledEmptyBox(h);
    await expect.poll(() => popup.getByTestId('card').getAttribute('aria-busy')).toBe('false');
    await expectShotsOf(popup, await h.screenshots(popup, 'popup-home'));
    await popup.close();
  });
});
