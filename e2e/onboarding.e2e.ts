import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';
import { msg } from './messages.ts';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('onboarding on the options page', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('opens the options page on install', async () => {
    // The harness waits for that tab after launch and keeps it.
    expect(h.installPage?.url()).toBe(h.extUrl(h.optionsPath));
    await h.installPage?.locator('main[data-loaded="true"]').waitFor();
    expect(await h.installPage?.getByTestId('url-input').isVisible()).toBe(true);
  });

  it('a wrong token gets "token rejected" and nothing is saved', async () => {
    const page = await h.connect(h.origin, 'not-the-right-token-0000', { expect: 'error' });
    await expect.poll(() => page.getByTestId('form-error').innerText()).toContain(msg('err_unauthorized_title'));
    expect(await page.getByTestId('token-input').getAttribute('aria-invalid')).toBe('true');
    const local = await h.storage('local');
    expect(local.token).toBeUndefined();
    expect(local.connection).toBeUndefined();
    await page.close();
  });

  it('an unreachable host gets "cannot reach <host>"', async () => {
    const port = await closedPort();
    const page = await h.connect(`http://127.0.0.1:${port}`, h.demo.token, { expect: 'error' });
    await expect.poll(() => page.getByTestId('form-error').innerText(), { timeout: 20_000 })
      .toContain(msg('err_unreachable_title', `127.0.0.1:${port}`));
    expect((await h.storage('local')).token).toBeUndefined();
    await page.close();
  });

  it('connects with the host permission granted and shows who it is connected as', async () => {
    const me = h.demo.dataset.demoUser;
    h.demo.clearRequests();
    const page = await h.connect(h.origin, h.demo.token);
    const expected = msg('options_connectedAs', `127.0.0.1:${h.demo.port}`, `${me.name.firstName} ${me.name.lastName}`, me.username);
    expect(await page.getByTestId('connected-as').innerText()).toBe(expected);
    expect(expected).toMatch(new RegExp(`^Connected to 127\\.0\\.0\\.1:${h.demo.port} as \\S.* \\(@${me.username.replace('.', '\\.')}\\)$`));
    expect(await page.getByTestId('token-last4').innerText()).toContain(h.demo.token.slice(-4));
    // The worker verified the token with the current-user call, using the Bearer header.
    const verify = h.demo.requests.find((r) => r.path.startsWith('/api/http/team-directory/profiles/me'));
    expect(verify?.authorization).toBe(`Bearer ${h.demo.token}`);
    const granted = await h.sw(() => chrome.permissions.getAll());
    expect(granted.origins).toEqual(['http://127.0.0.1/*']);
    await page.close();
  });

  for (const [typed, reasonKey] of [
    ['ftp://x', 'url_unsupportedScheme'],
    ['http://example.com', 'url_insecureHttp'],
  ] as const) {
    it(`an invalid URL (${typed}) is explained and the working connection stays`, async () => {
      const before = await h.storage('local');
      const page = await h.connect(typed, 'another-token-that-must-not-be-saved', { expect: 'error' });
      const error = await page.getByTestId('form-error').innerText();
      expect(error).toContain(msg('err_invalidUrl_title'));
      expect(error).toContain(msg(reasonKey));
      expect(error).toContain(msg('options_keptOnError'));
      expect(await page.getByTestId('url-input').getAttribute('aria-invalid')).toBe('true');

      const after = await h.storage('local');
      expect(after.token).toBe(before.token);
      expect(after.connection).toEqual(before.connection);

      // A fresh options page still shows the saved connection...
      const again = await h.openOptions();
      expect(await again.getByTestId('connected-as').innerText()).toContain(`127.0.0.1:${h.demo.port}`);
      // ...and the popup still searches with it.
      const popup = await h.openPopupPage();
      await typeQuery(popup, 'jonathan');
      await popup.locator('[data-testid="result"][data-kind="person"]').first().waitFor();
      await waitForSearchDone(popup);
      await Promise.all([page.close(), again.close(), popup.close()]);
    });
  }
});
