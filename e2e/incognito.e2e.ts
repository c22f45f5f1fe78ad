/**
 * Incognito, in real Chromium with the extension allowed in Incognito (default `incognito: "spanning"`: one
 * worker and one storage serve both profiles). Our pages cannot load in an incognito tab in that mode
 * (`ERR_BLOCKED_BY_CLIENT`), so the private-window surface is the action popup opened in a private window:
 * a search there must leave no trace in storage, and the popup must not paint the normal profile's last view.
 */
import { describe, expect, it } from 'vitest';
import { profileUrl } from '../src/space/web-urls.ts';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

const PRIVATE_QUERY = 'lindqvist';

describe('a private window', () => {
  let h: Harness;
  useHarness({ allowIncognito: true, connect: true }, (started) => { h = started; });

  const storage = async () => ({ local: await h.storage('local'), session: await h.storage('session') });

  it('searches from its popup reach Space but leave no trace in storage; the normal last view is unchanged', async () => {
    expect(await h.sw(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);

    // The normal profile's last search.
    const normal = await h.openPopupPage();
    await typeQuery(normal, 'jonathan');
    await waitForSearchDone(normal);
    await normal.close();
    const before = await storage();
    expect(before.session.lastView).toMatchObject({ query: 'jonathan' });
    expect(JSON.stringify(before).toLowerCase()).not.toContain(PRIVATE_QUERY);

    const windowId = await h.sw(async () => (await chrome.windows.create({ incognito: true, url: 'about:blank' }))?.id ?? -1);
    const popup = await h.openRealPopup({ trigger: () => h.sw((id) => chrome.action.openPopup({ windowId: id }), windowId) });
    // Chrome runs this popup in the normal profile; only its window says it is private.
    expect(await popup.evaluate<boolean>('chrome.extension.inIncognitoContext')).toBe(false);
    expect(await popup.evaluate<boolean>('chrome.windows.getCurrent().then((w) => w.incognito)')).toBe(true);
    // Nothing of the normal profile's last view is painted here.
    expect(await popup.evaluate<string>('document.querySelector(\'[data-testid="search-input"]\').value')).toBe('');
    expect(await popup.evaluate<number>('document.querySelectorAll(\'[data-testid="result"]\').length')).toBe(0);

    h.demo.clearRequests();
    await popup.send('Input.insertText', { text: PRIVATE_QUERY });
    const expected = profileUrl(h.origin, 'johan.lindqvist');
    await expect
      .poll(() => popup.evaluate<string[]>('[...document.querySelectorAll(\'[data-testid="result"]\')].map((e) => e.dataset.url)'), { timeout: 10_000 })
      .toContain(expected);
    // All groups answered (the status line is written once the search is done), and Space saw the query.
    await expect
      .poll(() => popup.evaluate<boolean>('!document.querySelector(".progress")?.classList.contains("on") && (document.querySelector(".status-line")?.textContent ?? "").trim() !== ""'), { timeout: 10_000 })
      .toBe(true);
    expect(h.demo.requests.some((r) => JSON.stringify(r.query).toLowerCase().includes(PRIVATE_QUERY))).toBe(true);

    const after = await storage();
    expect(JSON.stringify(after).toLowerCase()).not.toContain(PRIVATE_QUERY);
    expect(JSON.stringify(after)).not.toContain(expected);
    expect(after.session.lastView).toEqual(before.session.lastView);
    expect(after.session).toEqual(before.session);
    await popup.evaluate('window.close()').catch(() => undefined);
    await h.sw((id) => chrome.windows.remove(id), windowId);
  });

  it('the same search from a normal window’s popup is remembered (the check above can fail)', async () => {
    const popup = await h.openRealPopup();
    expect(await popup.evaluate<boolean>('chrome.windows.getCurrent().then((w) => w.incognito)')).toBe(false);
    await popup.send('Input.insertText', { text: PRIVATE_QUERY });
    await expect
      .poll(async () => JSON.stringify((await storage()).session).toLowerCase().includes(PRIVATE_QUERY), { timeout: 10_000 })
      .toBe(true);
    await popup.evaluate('window.close()').catch(() => undefined);
  });
});
