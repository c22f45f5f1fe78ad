/**
 * The token is a secret the worker alone holds. A recognisable token is run through every flow — connect,
 * search, card details, avatars, verify, and the failures (401, 500, malformed JSON) — and then looked for
 * everywhere a leak could land: console output of every context, every answer a page received, every page's
 * DOM and form values, every URL opened or requested, the badge, and storage under any key but its own.
 * The same for every access and refresh token "Sign in with Space" got (sign-in, refreshes, sign in again,
 * sign-out through the real auth window).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, typeQuery, waitForSearchDone } from './harness.ts';

const SENTINEL = 'tok_SENTINEL_123';
/** Also catch partial leaks (the last four characters may be shown; nothing more). */
const PATTERN = /SENTINEL/;

describe('the token never leaks', () => {
  let h: Harness;
  const answers: string[] = [];
  const urls = new Set<string>();
  const doms: { where: string; html: string }[] = [];

  beforeAll(async () => {
    h = await Harness.start();
    h.demo.addToken(SENTINEL);
    // Record every answer extension pages get from the worker (one-shot replies and lookup-port messages).
    await h.context.exposeBinding('__e2eRecord', (_source, text: string) => {
      answers.push(text);
    });
    await h.context.addInitScript(() => {
      if (!location.href.startsWith('chrome-extension://')) return;
      const record = (value: unknown) => {
        try {
          (window as unknown as { __e2eRecord(text: string): void }).__e2eRecord(JSON.stringify(value) ?? 'undefined');
        } catch {
          // A value JSON cannot represent is not a leak vector worth failing the page for.
        }
      };
      const runtime = chrome.runtime as unknown as Record<string, (...args: unknown[]) => unknown>;
      const send = runtime.sendMessage!.bind(chrome.runtime);
      runtime.sendMessage = (...args: unknown[]) => {
        const cb = args.findIndex((a) => typeof a === 'function');
        if (cb >= 0) {
          const original = args[cb] as (answer: unknown) => void;
          args[cb] = (answer: unknown) => {
            record(answer);
            original(answer);
          };
          return send(...args);
        }
        const result = send(...args) as Promise<unknown> | undefined;
        return result?.then((answer) => {
          record(answer);
          return answer;
        });
      };
      const connect = runtime.connect!.bind(chrome.runtime);
      runtime.connect = (...args: unknown[]) => {
        const port = connect(...args) as chrome.runtime.Port;
        port.onMessage.addListener((m: unknown) => record(m));
        return port;
      };
    });
    await h.captureWorkerLog();
    h.context.on('page', (page) => {
      urls.add(page.url());
      page.on('framenavigated', (frame) => urls.add(frame.url()));
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Everything visible to a page: markup plus live form values (not in the markup). */
  async function snapshot(page: Page, where: string): Promise<void> {
    if (page.isClosed()) return;
    const html = await page.evaluate(() => {
      const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
      const markup = new XMLSerializer().serializeToString(document);
      return `${markup}\n${values.join('\n')}\n${document.title}\n${location.href}`;
    });
    doms.push({ where, html });
  }

  it('runs connect, search, card, avatars, verify and the failure flows with the sentinel token', async () => {
    const options = await h.connect(h.origin, SENTINEL);
    await snapshot(options, 'options after connect');
    expect((await h.storage('local')).token).toBe(SENTINEL);

    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await popup.locator('[data-testid="result"][data-kind="person"]').first().waitFor();
    // Open a card (details + avatar through the worker).
    await popup.keyboard.press('ArrowDown');
    await popup.getByTestId('card').waitFor();
    await expect.poll(() => popup.getByTestId('card').getAttribute('aria-busy')).toBe('false');
    await snapshot(popup, 'popup with card');
    expect(h.demo.requests.some((r) => r.path.startsWith('/d/'))).toBe(true);

    // 500 on blog search: a quiet note for articles, the rest still works. (Not people: once the local directory
    // has synced, issue 16, people are found without asking Space.)
    h.demo.setFault('/blog', { status: 500 });
    await typeQuery(popup, 'whitaker');
    await waitForSearchDone(popup, 30_000);
    await popup.getByTestId('note-article').waitFor();
    await snapshot(popup, 'popup after 500');
    // Malformed JSON.
    h.demo.clearFaults();
    h.demo.setFault('/blog', { malformed: true });
    await typeQuery(popup, 'jon');
    await waitForSearchDone(popup, 30_000);
    await popup.getByTestId('note-article').waitFor();
    await snapshot(popup, 'popup after malformed');
    // 401 everywhere: token rejected, badge says so, options "Check again" reports it.
    h.demo.clearFaults();
    h.demo.setFault('*', { status: 401 });
    await typeQuery(popup, 'jonat');
    await popup.getByTestId('error').waitFor({ timeout: 20_000 });
    await snapshot(popup, 'popup after 401');
    await options.getByTestId('verify').click();
    await options.getByTestId('connection-error').waitFor();
    await snapshot(options, 'options after 401 verify');
    const badge = await h.sw(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
    expect(badge.text).not.toBe('');
    expect(JSON.stringify(badge)).not.toMatch(PATTERN);

    h.demo.clearFaults();
    await options.getByTestId('verify').click();
    await expect.poll(() => options.getByTestId('connection-error').count()).toBe(0);
    await snapshot(options, 'options after recovery');
    const badgeAfter = await h.sw(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
    expect(JSON.stringify(badgeAfter)).not.toMatch(PATTERN);
    await Promise.all([popup.close(), options.close()]);
  });

  /** Every OAuth token the demo server issued, for the checks below. */
  const oauthTokens = () => {
    const { accessTokens, refreshTokens } = h.demo.issuedOAuthTokens();
    return [...accessTokens, ...refreshTokens];
  };
  const leaks = (text: string) => oauthTokens().filter((t) => text.includes(t)).map((t) => `${t.slice(0, 14)}…`);

  it('runs sign-in, search, refresh, "sign in again" and sign-out with Sign in with Space', async () => {
    h.demo.setAccessTokenTtl(2);
    const { page: options } = await h.signIn();
    h.demo.setAccessTokenTtl(600);
    await snapshot(options, 'options after sign-in');
    // Only in storage under their own keys.
    for (const area of ['local', 'session', 'sync'] as const) {
      for (const [key, value] of Object.entries(await h.storage(area))) {
        const own = (area === 'local' || area === 'session') && (key === 'refreshToken' || key === 'accessToken');
        if (!own) expect(leaks(`${key} ${JSON.stringify(value)}`), `storage.${area}.${key}`).toEqual([]);
      }
    }
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await popup.keyboard.press('ArrowDown');
    await popup.getByTestId('card').waitFor();
    await popup.waitForTimeout(3_000); // past the access token's 2-second lifetime: the next search refreshes
    await typeQuery(popup, 'whitaker');
    await waitForSearchDone(popup, 20_000);
    expect(h.demo.requests.filter((r) => r.path === '/oauth/token').length).toBeGreaterThanOrEqual(2);
    await snapshot(popup, 'popup after refresh');
    h.demo.revokeRefreshTokens();
    await typeQuery(popup, 'grace');
    await popup.getByTestId('error').waitFor({ timeout: 20_000 });
    await snapshot(popup, 'popup, sign in again');
    await options.reload();
    await options.locator('main[data-loaded="true"]').waitFor();
    await snapshot(options, 'options, sign in again');
    await h.signIn({ page: options });
    await options.getByTestId('sign-out').click();
    await expect.poll(() => options.getByTestId('options-status').textContent()).toMatch(/^Signed out/);
    await snapshot(options, 'options after sign-out');
    await Promise.all([popup.close(), options.close()]);
    expect(oauthTokens().length).toBeGreaterThanOrEqual(5);
  });

  it('the token is in no console output, answer, DOM, URL, badge or other storage key', async () => {
    // Prove the capture is live in the worker and in pages before trusting an empty result.
    await h.sw(() => console.info('e2e-probe-worker'));
    const probe = await h.openPopupPage();
    await probe.evaluate(() => console.info('e2e-probe-page'));
    await probe.close();
    await expect.poll(async () => (await h.console.settle()).map((e) => e.text).join('\n')).toMatch(/e2e-probe-worker[\s\S]*e2e-probe-page|e2e-probe-page[\s\S]*e2e-probe-worker/);
    const logs = await h.console.settle();
    expect(logs.filter((e) => PATTERN.test(`${e.text} ${e.source}`))).toEqual([]);
    expect(leaks(logs.map((e) => `${e.text} ${e.source}`).join('\n'))).toEqual([]);

    expect(answers.length, 'no worker answers were recorded').toBeGreaterThan(5);
    expect(answers.some((a) => a.includes('"type":"group"'))).toBe(true);
    expect(answers.filter((a) => PATTERN.test(a))).toEqual([]);
    expect(answers.some((a) => a.includes('"method":"oauth"'))).toBe(true);
    expect(leaks(answers.join('\n'))).toEqual([]);

    expect(doms.length).toBeGreaterThan(4);
    expect(doms.filter((d) => PATTERN.test(d.html)).map((d) => d.where)).toEqual([]);
    expect(doms.filter((d) => leaks(d.html).length > 0).map((d) => d.where)).toEqual([]);

    const targets = await h.cdp.targets();
    const allUrls = [...urls, ...targets.map((t) => t.url), ...h.demo.requests.map((r) => `${r.path}?${JSON.stringify(r.query)}`)];
    expect(allUrls.filter((u) => PATTERN.test(decodeURIComponent(u)))).toEqual([]);
    expect(leaks(allUrls.map((u) => decodeURIComponent(u)).join('\n'))).toEqual([]);
    // The access tokens went in the Authorization header; the refresh tokens never in a header at all.
    expect(h.demo.requests.some((r) => h.demo.issuedOAuthTokens().accessTokens.some((t) => r.authorization === `Bearer ${t}`))).toBe(true);
    const headers = h.demo.requests.map((r) => r.authorization ?? '').join('\n');
    expect(h.demo.issuedOAuthTokens().refreshTokens.filter((t) => headers.includes(t))).toEqual([]);
    // It did go where it belongs: the Authorization header, and only that.
    expect(h.demo.requests.some((r) => r.authorization === `Bearer ${SENTINEL}`)).toBe(true);

    for (const area of ['local', 'session', 'sync'] as const) {
      const items = await h.storage(area);
      for (const [key, value] of Object.entries(items)) {
        // Signed out by now: no OAuth token is left anywhere.
        expect(leaks(`${key} ${JSON.stringify(value)}`), `storage.${area}.${key}`).toEqual([]);
        if (key === 'token' && area !== 'sync') continue;
        expect(`${key} ${JSON.stringify(value)}`, `storage.${area}.${key}`).not.toMatch(PATTERN);
      }
    }
    expect(await h.storage('sync')).toEqual({});
  });
});
