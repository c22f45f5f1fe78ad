import { describe, expect, it } from 'vitest';
import { PENDING_QUERY_KEY } from '../src/shared/storage-keys.ts';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import type { Harness } from './harness.ts';
import { useHarness } from './use-harness.ts';

const MENU_ID = 'space-lookup-search';

/** Runs the extension's registered onClicked listeners, as a click on the native menu would (toolchain §7.3). */
function clickMenu(h: Harness, selectionText: string): Promise<void> {
  return h.sw(
    ([id, text]) => {
      const event = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: undefined): void };
      event.dispatch({ menuItemId: id, selectionText: text, editable: false, pageUrl: 'https://example.com/' }, undefined);
    },
    [MENU_ID, selectionText] as const,
  );
}

describe('context menu "Search Space for …"', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('exists, for selections', async () => {
    await expect(h.sw((id) => chrome.contextMenus.update(id, {}), MENU_ID)).resolves.toBeUndefined();
    await expect(h.sw(() => chrome.contextMenus.update('no-such-item', {}))).rejects.toThrow();
  });

  it('opens the popup prefilled with the trimmed selection, and it searches', async () => {
    const popup = await h.openRealPopup({ trigger: () => clickMenu(h, '  jonathan \n') });
    // Either the real popup (action.openPopup) or the fallback tab with ?q=; both must show the query.
    const query = await popup.evaluate<string>('document.querySelector(\'[data-testid="search-input"]\').value');
    expect(query).toBe('jonathan');
    const url = popup.target.url;
    expect(url === h.extUrl(h.popupPath) || url === `${h.extUrl(h.popupPath)}?q=jonathan`).toBe(true);
    await expect
      .poll(() => popup.evaluate<string[]>('[...document.querySelectorAll(\'[data-testid="result"]\')].map((e) => e.dataset.url)'), { timeout: 10_000 })
      .toContain(`${h.origin}/m/jonathan.whitaker`);
    // The pending query was consumed: the next plain popup does not inherit it.
    expect((await h.storage('session'))[PENDING_QUERY_KEY]).toBeUndefined();
    await popup.evaluate('window.close()').catch(() => undefined);
  });

  it('with the popup page already open in a tab and a slow server, the toolbar popup still gets the search (issue 14 defect)', async () => {
    // The tab (as the menu's own fallback opens it) is ready and listening; the server answers in 300 ms, so each
    // page's searches and refreshes are still in flight when the menu is used.
    h.demo.setLatency(300);
    try {
      const tab = await h.openPopupPage();
      const before = await tab.getByTestId('search-input').inputValue();
      const popup = await h.openRealPopup({ trigger: () => clickMenu(h, 'whitaker') });
      expect(popup.target.url).toBe(h.extUrl(h.popupPath));
      const query = () => popup.evaluate<string>('document.querySelector(\'[data-testid="search-input"]\').value');
      expect(await query()).toBe('whitaker');
      await expect
        .poll(() => popup.evaluate<string[]>('[...document.querySelectorAll(\'[data-testid="result"]\')].map((e) => e.dataset.url)'), { timeout: 10_000 })
        .toContain(`${h.origin}/m/jonathan.whitaker`);
      expect(await query()).toBe('whitaker');
      // The page in the tab took nothing: its box is as it was.
      expect(await tab.getByTestId('search-input').inputValue()).toBe(before);
      expect(before).not.toBe('whitaker');
      expect((await h.storage('session'))[PENDING_QUERY_KEY]).toBeUndefined();
      await popup.evaluate('window.close()').catch(() => undefined);
      await tab.close();
    } finally {
      h.demo.setLatency(0);
    }
  });

  it('a selection holding an issue key opens that issue directly', async () => {
    const tab = await h.nextPage(() => clickMenu(h, 'Fixed in ABC-T-42, see the thread'));
    expect(tab.url()).toBe(issueUrl(h.origin, 'ABC', 42));
    expect(tab.url()).toBe(`${h.origin}/p/ABC/issues/42`);
    await tab.close();
  });
});
