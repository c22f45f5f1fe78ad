/**
 * Issue 4: one search box finds every kind of Space entity; each opens at the right Space URL; issue and
 * review keys resolve to that one item.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../src/shared/kinds.ts';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { reviewUrl } from '../src/kinds/review/web-url.ts';
import { type Harness, pressClosing, typeQuery, waitForSearchDone } from './harness.ts';
import { CASES, findAndOpen } from './kind-cases.ts';
import { useHarness } from './use-harness.ts';

/** URLs of the options currently listed, in order. */
const listedUrls = (popup: Page) =>
  popup.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));

describe('unified lookup: every kind', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('has a case for every kind the extension shows', () => {
    expect(CASES.map((c) => c.kind)).toEqual([...ALL_KINDS]);
  });

  for (const c of CASES) {
    const label = typeof c.query === 'string' ? `"${c.query}"` : 'by title';
    it(`finds ${c.kind} ${label} in its group and opens it in Space`, async () => {
      const { opened } = await findAndOpen(h, c, c.card && (async (popup) => {
        const card = popup.locator(`[data-testid="card"][data-kind="${c.kind}"][aria-busy="false"]`);
        await card.waitFor();
        for (const text of c.card ?? []) await expect.poll(() => card.textContent()).toContain(text);
      }));
      expect(opened).toBe(c.url(h));
    });
  }

  for (const [key, expected] of [
    ['ABC-T-42', (h: Harness) => issueUrl(h.origin, 'ABC', 42)],
    ['abc-t-123', (h: Harness) => issueUrl(h.origin, 'ABC', 123)],
    ['ABC-MR-2', (h: Harness) => reviewUrl(h.origin, 'ABC', 2)],
    ['ABC-CR-1', (h: Harness) => reviewUrl(h.origin, 'ABC', 1)],
  ] as const) {
    it(`the key ${key} resolves to that one item; Enter opens it`, async () => {
      const popup = await h.openPopupPage();
      await typeQuery(popup, key);
      await waitForSearchDone(popup);
      const url = expected(h);
      // The resolved item is listed and is the active option (what Enter opens).
      expect(await listedUrls(popup)).toContain(url);
      const active = await popup.getByTestId('search-input').getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await popup.locator(`#${active}`).getAttribute('data-url')).toBe(url);
      const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
      expect(tab.url()).toBe(url);
      await tab.close();
    });
  }

  it('a key typed and entered at once (before results arrive) still opens that item', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'ABC-T-42', 0);
    const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
    expect(tab.url()).toBe(issueUrl(h.origin, 'ABC', 42));
    await tab.close();
  });
});
