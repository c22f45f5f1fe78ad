import { describe, expect, it } from 'vitest';
import { profileUrl } from '../src/space/web-urls.ts';
import { type Harness, moveTo, pressClosing, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('popup: people search', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('typing a name shows the person; Enter opens their profile in a new tab', async () => {
    const popup = await h.openPopupPage();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    // The local directory (issue 16), synced on connect, answers people: wait for its copy, so the search is its.
    await expect.poll(async () => (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'directory-status' }) as Promise<{ ok: boolean; value?: { state: string } }>)).value?.state, { timeout: 10_000 }).toBe('ready');
    h.demo.clearRequests();
    await typeQuery(popup, 'jonathan');
    const expectedUrl = profileUrl(h.origin, 'jonathan.whitaker');
    const row = popup.locator(`[data-testid="result"][data-kind="person"][data-url="${expectedUrl}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Jonathan Whitaker');
    expect(await row.innerText()).toContain('jonathan.whitaker');
    await waitForSearchDone(popup);
    // Every Space request came from the worker with the token (the other kinds'); the person came from the local
    // directory, so Space was not asked to search people.
    expect(h.demo.requests.length).toBeGreaterThan(0);
    for (const r of h.demo.requests) expect(r.authorization).toBe(`Bearer ${h.demo.token}`);
    expect(h.demo.requests.filter((r) => r.path === '/api/http/team-directory/profiles')).toEqual([]);

    // Make Jonathan the active option from the keyboard, then open it.
    await moveTo(popup, expectedUrl);
    const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
    expect(tab.url()).toBe(expectedUrl);
    await tab.close();
  });

  it('arrow keys move the active option and the card follows', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jo');
    await waitForSearchDone(popup);
    const options = popup.locator('[role="option"]');
    expect(await options.count()).toBeGreaterThan(1);
    await popup.keyboard.press('ArrowDown');
    const activeId = await popup.getByTestId('search-input').getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await popup.locator(`#${activeId}`).getAttribute('aria-selected')).toBe('true');
    await popup.getByTestId('card').waitFor();
    // The card's rules come with the later chunk (extras.css, linked by vite.config.ts's small preload helper):
    // styled on its first paint, its Open button too (controls.css).
    expect(await popup.getByTestId('card').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    expect(await popup.locator('[data-testid="card"] button.primary').first().evaluate((el) => getComputedStyle(el).backgroundColor))
      .not.toBe(await popup.getByTestId('search-input').evaluate((el) => getComputedStyle(el).backgroundColor));
    await popup.close();
  });

  it('the real toolbar popup (action.openPopup) focuses the box and searches too', async () => {
    const popup = await h.openRealPopup();
    // Chrome itself lists it as the action popup.
    const popups = await h.sw(() => chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.POPUP] }));
    expect(popups).toHaveLength(1);
    expect(await popup.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null')).toBe('search-input');
    // Typed through the DevTools input domain into the focused search box, as a user would — over the query the
    // popup may have restored from the previous test's popup (its last view, kept 90 s), as a user would select it.
    await popup.evaluate('document.querySelector(\'[data-testid="search-input"]\').select()');
    await popup.send('Input.insertText', { text: 'jonathan' });
    const expected = profileUrl(h.origin, 'jonathan.whitaker');
    await expect
      .poll(() => popup.evaluate<string[]>('[...document.querySelectorAll(\'[data-testid="result"]\')].map((e) => e.dataset.url)'), { timeout: 10_000 })
      .toContain(expected);
    await popup.evaluate('window.close()').catch(() => undefined);
  });
});
