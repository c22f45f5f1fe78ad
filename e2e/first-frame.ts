/** The popup's first frame as it was painted, recorded in the page for the cache tests and the benchmark. */
import type { BrowserContext, Page } from 'playwright-core';

/** What the popup showed in its first frame; recorded by `installFirstFrameProbe`. */
export interface FirstFrame {
  /** Epoch ms of the first frame (performance.timeOrigin + the popup's own `__firstRenderMs`). */
  at: number;
  /** The popup's own mark: ms since navigation start. */
  ms: number;
  query: string | null;
  results: number;
  groups: string[];
}

/**
 * Records the DOM at the moment the popup marks its first frame (it sets `window.__firstRenderMs` in the
 * first requestAnimationFrame after its first render): an accessor installed before any page script runs
 * takes a snapshot when the mark is written. Read it with `readFirstFrame`.
 */
export async function installFirstFrameProbe(context: BrowserContext): Promise<void> {
  // A string, not a function: tsx (used by the benchmark) adds `__name(...)` helpers to transpiled functions,
  // which do not exist in the page.
  await context.addInitScript(`(() => {
    let mark;
    Object.defineProperty(window, '__firstRenderMs', {
      configurable: true,
      get() { return mark; },
      set(value) {
        mark = value;
        const input = document.querySelector('[data-testid="search-input"]');
        window.__e2eFirstFrame = {
          at: performance.timeOrigin + value,
          ms: value,
          query: input ? input.value : null,
          results: document.querySelectorAll('[data-testid="result"]').length,
          groups: [...document.querySelectorAll('[data-testid^="group-"]')].map((g) => g.getAttribute('data-testid')),
        };
      },
    });
  })();`);
}

export async function readFirstFrame(page: Page): Promise<FirstFrame> {
  await page.waitForFunction(() => (window as unknown as { __e2eFirstFrame?: unknown }).__e2eFirstFrame !== undefined);
  return page.evaluate(() => (window as unknown as { __e2eFirstFrame: FirstFrame }).__e2eFirstFrame);
}
