/**
 * Hardening that needs the real browser: host access given back (Chromium's own `permissions.getAll()`),
 * Forget offered for the remains of a session-only connection, loopback aliases refused before any
 * permission request, and the popup ignoring a last view of another connection. Unit tests cover the rules
 * (src/background/handlers/host-access.test.ts, connection-store.test.ts, src/space/base-url.test.ts,
 * src/popup/prefill.test.ts); this checks the browser agrees.
 */
import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { msg } from './messages.ts';
import { useHarness } from './use-harness.ts';

describe('hardening in real Chromium', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  /** The host patterns Chromium holds for the extension right now. */
  const granted = async () => ((await h.sw(() => chrome.permissions.getAll())).origins ?? []).sort();
  /** The demo server by name: another host pattern (http://localhost/*) for the same server. */
  const byName = () => h.origin.replace('127.0.0.1', 'localhost');

  it('a connect that fails right after its grant gives the access back', async () => {
    const page = await h.connect(h.origin, 'not-the-right-token-0000', { expect: 'error' });
    expect(await page.getByTestId('form-error').innerText()).toContain(msg('err_unauthorized_title'));
    await expect.poll(granted).toEqual([]);
    await page.close();
  });

  it('connecting holds exactly the Space origin; switching to another origin gives the old one back', async () => {
    await (await h.connect(h.origin, h.demo.token)).close();
    expect(await granted()).toEqual(['http://127.0.0.1/*']);

    const page = await h.connect(byName(), h.demo.token);
    // (The old connection's card stays up while the replacement connects.)
    await expect.poll(() => page.getByTestId('connected-as').innerText(), { timeout: 15_000 }).toContain('localhost');
    await expect.poll(granted).toEqual(['http://localhost/*']);
    await page.close();
  });

  it('Forget gives the last one back', async () => {
    const page = await h.openOptions();
    await page.getByTestId('forget').click();
    await expect.poll(() => page.getByTestId('options-status').innerText()).toContain(msg('options_forgotten'));
    await expect.poll(granted).toEqual([]);
    await page.close();
  });

  it('session-only: once the token is gone with the session, Options still offers Forget for the rest', async () => {
    await (await h.connect(h.origin, h.demo.token, { sessionOnly: true })).close();
    // What the end of the browser session does to storage.session.
    await h.sw(() => chrome.storage.session.remove('token'));
    const page = await h.openOptions();
    await page.getByTestId('remains').waitFor();
    expect(await page.getByTestId('connected-as').count()).toBe(0);
    expect(await page.getByTestId('remains').innerText()).toContain(msg('options_remains'));
    const local = await h.storage('local');
    expect(local.connection).toMatchObject({ sessionOnly: true, origin: h.origin });
    expect(local.token).toBeUndefined();

    await page.getByTestId('forget-remains').click();
    await expect.poll(() => page.getByTestId('options-status').innerText()).toContain(msg('options_forgotten'));
    expect(await h.storage('local')).toEqual({});
    await expect.poll(granted).toEqual([]);
    expect(await page.getByTestId('remains').count()).toBe(0);
    await page.close();
  });

  it('http://127.1.2.3 is refused with its fix before any permission request', async () => {
    const page = await h.connect('http://127.1.2.3:8084', h.demo.token, { expect: 'error' });
    const error = await page.getByTestId('form-error').innerText();
    expect(error).toContain(msg('err_invalidUrl_title'));
    expect(error).toContain(msg('url_loopbackAlias'));
    expect(await page.getByTestId('url-input').getAttribute('aria-invalid')).toBe('true');
    expect(await granted()).toEqual([]);
    await page.close();
  });

  it('the popup paints no last view saved for another connection', async () => {
    await (await h.connect(h.origin, h.demo.token)).close();
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await popup.close();

    const reopened = await h.openPopupPage();
    expect(await reopened.getByTestId('search-input').inputValue()).toBe('jonathan');
    await reopened.close();

    // The same view, but tagged with a connection that is not the stored one (as a late write of a forgotten
    // connection would be).
    await h.sw(async () => {
      const { lastView } = await chrome.storage.session.get('lastView');
      await chrome.storage.session.set({ lastView: { ...(lastView as object), connection: 'another-connection' } });
    });
    const other = await h.openPopupPage();
    expect(await other.getByTestId('search-input').inputValue()).toBe('');
    // None of its results (the empty box's own lists, Waiting for you, may be there).
    expect(await other.locator(`[data-testid="result"][data-url="${h.origin}/m/jonathan.whitaker"]`).count()).toBe(0);
    expect(await other.getByTestId('group-person').count()).toBe(0);
    await other.close();
  });
});
