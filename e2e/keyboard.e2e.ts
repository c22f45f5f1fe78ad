/**
 * Issue 4: the popup is usable without a mouse. Every step below is a key press; the page counts pointer
 * events and the test fails if any arrived.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './use-harness.ts';
import { type Harness, moveTo, pressClosing, waitForSearchDone } from './harness.ts';

describe('keyboard-only walkthrough', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });
  beforeAll(async () => {
    await h.context.addInitScript(() => {
      const counts = { pointer: 0 };
      (window as unknown as { __pointerEvents: typeof counts }).__pointerEvents = counts;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'pointerup', 'contextmenu']) {
        window.addEventListener(type, () => { counts.pointer += 1; }, true);
      }
    });
  });

  it('focus, type, move, filter with chips, open — all from the keyboard', async () => {
    const popup = await h.openPopupPage();
    const input = popup.getByTestId('search-input');
    const activeTestId = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    const activeOptionUrl = async () => {
      const id = await input.getAttribute('aria-activedescendant');
      return id ? popup.locator(`#${id}`).getAttribute('data-url') : null;
    };
    const checkedChip = () => popup.locator('[role="radio"][aria-checked="true"]').getAttribute('data-filter');

    // The search box has focus on open.
    expect(await activeTestId()).toBe('search-input');
    await popup.keyboard.type('jo', { delay: 30 });
    await waitForSearchDone(popup);
    expect(await input.getAttribute('aria-expanded')).toBe('true');

    // ↓ moves through the options; the card follows the active one.
    await popup.keyboard.press('ArrowDown');
    const first = await activeOptionUrl();
    await popup.keyboard.press('ArrowDown');
    const second = await activeOptionUrl();
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await popup.getByTestId('card').waitFor();
    await popup.keyboard.press('ArrowUp');
    expect(await activeOptionUrl()).toBe(first);
    expect(await activeTestId()).toBe('search-input');

    // Alt+2 = People chip.
    await popup.keyboard.press('Alt+Digit2');
    await expect.poll(checkedChip).toBe('person');
    await waitForSearchDone(popup);
    const kinds = await popup.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['person']));

    // Tab into the chip row (radio group), arrows move and select, Tab/Shift+Tab back to the box.
    let hops = 0;
    while ((await popup.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'radio' && hops++ < 10) {
      await popup.keyboard.press('Tab');
    }
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-filter'))).toBe('person');
    await popup.keyboard.press('ArrowRight');
    await expect.poll(checkedChip).toBe('team');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-filter'))).toBe('team');
    await popup.keyboard.press('Home');
    await expect.poll(checkedChip).toBe('all');
    while ((await activeTestId()) !== 'search-input' && hops++ < 20) await popup.keyboard.press('Shift+Tab');
    expect(await activeTestId()).toBe('search-input');

    // Esc clears the query (a second Esc would close the popup).
    await popup.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');

    // Type a name, move to it, Enter opens it.
    await popup.keyboard.type('jonathan', { delay: 30 });
    await waitForSearchDone(popup);
    const target = `${h.origin}/m/jonathan.whitaker`;
    await moveTo(popup, target);
    expect(await activeOptionUrl()).toBe(target);

    const pointer = await popup.evaluate(() => (window as unknown as { __pointerEvents: { pointer: number } }).__pointerEvents.pointer);
    expect(pointer).toBe(0);
    const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
    expect(tab.url()).toBe(target);
    await tab.close();
  });

  it('Ctrl+Enter opens in a background tab and keeps the popup open', async () => {
    const popup = await h.openPopupPage();
    await popup.keyboard.press('ControlOrMeta+a');
    await popup.keyboard.type('ABC-T-42', { delay: 10 });
    await waitForSearchDone(popup);
    const tab = await h.nextPage(() => popup.keyboard.press('Control+Enter'));
    expect(tab.url()).toBe(`${h.origin}/p/ABC/issues/42`);
    expect(popup.isClosed()).toBe(false);
    const tabs = await h.sw((url) => chrome.tabs.query({ url }), tab.url());
    expect(tabs.map((t) => t.active)).toEqual([false]);
    await Promise.all([tab.close(), popup.close()]);
  });
});
