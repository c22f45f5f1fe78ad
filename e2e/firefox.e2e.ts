/**
 * The Firefox build (dist-firefox/) in real headless firefox-esr, driven over WebDriver BiDi, against the
 * demo Space server: install → options page opens → Connect asks Firefox for exactly the Space origin
 * (Firefox's own prompt, answered Deny then Allow) → identity shown → popup people search → Enter opens the
 * profile → the empty box lists it in Recent, and Waiting for you (issue 14) → the same search answered from the
 * local directory (issue 16). Skipped, with the reason, when no Firefox
 * is installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../scripts/demo-space/server.ts';
import { originPattern } from '../src/space/base-url.ts';
import { profileUrl } from '../src/space/web-urls.ts';
import { reviewUrl } from '../src/kinds/review/web-url.ts';
import { findFirefox } from './firefox/launch.ts';
import type { BidiPage } from './firefox/page.ts';
import { answerPermissionPrompt, readPermissionPrompt } from './firefox/permission-prompt.ts';
import { FirefoxSession } from './firefox/session.ts';
import { DIST_FIREFOX } from './paths.ts';

const FIREFOX = findFirefox();
const SKIP_REASON = process.env.FIREFOX_PATH
  ? `FIREFOX_PATH=${process.env.FIREFOX_PATH} is not an executable`
  : 'no Firefox: install it with `apt-get install -y firefox-esr`, or set FIREFOX_PATH';
// CI installs firefox-esr (.ci/run): there a missing Firefox is a broken setup, not a reason to skip.
if (!FIREFOX && process.env.CI) throw new Error(`[e2e firefox] ${SKIP_REASON}`);
if (!FIREFOX) console.warn(`[e2e firefox] skipped — ${SKIP_REASON}`);

/** The gecko id the build actually carries (vite.config.ts GECKO_ID). */
function builtGeckoId(): string {
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${DIST_FIREFOX}/manifest.json has no gecko id; build with npm run build:firefox`);
  return id;
}

/** What the add-on itself may do right now, asked from one of its pages. */
function hasHostAccess(page: BidiPage, pattern: string): Promise<boolean> {
  return page.evaluate((origins: string) => {
    const api = (globalThis as unknown as { browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).browser;
    return api.permissions.contains({ origins: [origins] });
  }, pattern);
}

describe.skipIf(!FIREFOX)(`Firefox: dist-firefox in firefox-esr against the demo Space${FIREFOX ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let demo: DemoServer;
  let firefox: FirefoxSession;
  let options: BidiPage;

  beforeAll(async () => {
    demo = await startDemoServer();
    firefox = await FirefoxSession.start({ binary: FIREFOX as string, extensionDir: DIST_FIREFOX, extensionId: builtGeckoId() });
    const t = firefox.timings;
    console.log(`[e2e firefox] launch ${t.launchMs} ms, session.new ${t.sessionMs} ms, install ${t.installMs} ms`);
  });

  afterAll(async () => {
    await firefox?.close();
    await demo?.close();
  });

  it('installing opens the options page, with no host access granted yet', async () => {
    // The add-on opens it from runtime.onInstalled; opening our own tab at the same time would race it.
    options = await firefox.waitForTab(firefox.extensionUrl('src/options/index.html'));
    await options.waitFor('the options page to load', () => document.querySelector('main')?.dataset.loaded === 'true');
    expect(await hasHostAccess(options, originPattern(demo.url))).toBe(false);
  });

  it('Connect asks Firefox for exactly the Space origin; Deny keeps access off and nothing reaches Space', async () => {
    demo.clearRequests();
    await options.fill('[data-testid=url-input]', demo.url);
    await options.fill('[data-testid=token-input]', demo.token);
    await options.click('[data-testid=connect]');

    const chrome = await firefox.chromeWindow();
    const prompt = await readPermissionPrompt(chrome);
    expect(prompt.addonName).toBe('Space Lookup');
    // One line, for the loopback host only — not "all websites".
    expect(prompt.permissions).toHaveLength(1);
    expect(prompt.permissions[0]).toContain('127.0.0.1');
    await answerPermissionPrompt(chrome, 'deny');

    const error = await options.waitFor('the declined message', () => document.querySelector('[data-testid=form-error]')?.textContent);
    expect(error).toContain('declined');
    expect(await hasHostAccess(options, originPattern(demo.url))).toBe(false);
    expect(demo.requests).toEqual([]);
  });

  it('Allow → the worker verifies the token and the page says who is connected; the token is not shown', async () => {
    demo.clearRequests();
    // The failed attempt kept both fields, so Connect again is all the user does.
    expect(await options.evaluate(() => (document.querySelector('[data-testid=token-input]') as HTMLInputElement).value)).toBe(demo.token);
    await options.click('[data-testid=connect]');
    const chrome = await firefox.chromeWindow();
    await readPermissionPrompt(chrome);
    await answerPermissionPrompt(chrome, 'allow');

    const me = demo.dataset.demoUser;
    const connectedAs = await options.waitFor('"Connected to … as …"', () => document.querySelector('[data-testid=connected-as]')?.textContent);
    expect(connectedAs).toContain(`${me.name.firstName} ${me.name.lastName}`);
    expect(connectedAs).toContain(`@${me.username}`);
    expect(connectedAs).toContain(new URL(demo.url).host);
    expect(await hasHostAccess(options, originPattern(demo.url))).toBe(true);

    expect(demo.requests.some((r) => r.path === '/api/http/team-directory/profiles/me')).toBe(true);
    for (const r of demo.requests) expect(r.authorization).toBe(`Bearer ${demo.token}`);
    const pageText = await options.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input')].map((i) => i.value)].join('\n'));
    expect(pageText.includes(demo.token)).toBe(false);
  });

  it('popup: typing a name finds the person; Enter opens their profile in a new tab', async () => {
    const popup = await firefox.openTab(firefox.extensionUrl('src/popup/index.html'));
    await popup.waitFor('the search box to have focus', () => document.activeElement?.getAttribute('data-testid') === 'search-input');
    demo.clearRequests();
    await popup.type('jonathan');

    const expectedUrl = profileUrl(demo.url, 'jonathan.whitaker');
    const firstRow = () => popup.evaluate(() => {
      const row = document.querySelector('[data-testid=result]');
      return row ? { url: row.getAttribute('data-url'), text: row.textContent ?? '' } : null;
    });
    // Results for "j", "jo", … may show first; the search settles on the full name.
    await expect.poll(async () => (await firstRow())?.url, { timeout: 10_000, interval: 40 }).toBe(expectedUrl);
    expect((await firstRow())?.text).toContain('Jonathan Whitaker');

    // From the local directory or from Space's people search (the copy is synced on connect, in the background: the
    // next test waits for it); either way every request carried the token.
    expect(demo.requests.length).toBeGreaterThan(0);
    for (const r of demo.requests) expect(r.authorization).toBe(`Bearer ${demo.token}`);

    await popup.press('Enter');
    await firefox.waitForTab(expectedUrl);
  });

  it('the empty box (issue 14): the profile just opened heads Recent, and Waiting for you lists a review of Alex\'s turn', async () => {
    const popup = await firefox.openTab(firefox.extensionUrl('src/popup/index.html'));
    await popup.waitFor('the search box to have focus', () => document.activeElement?.getAttribute('data-testid') === 'search-input');
    // Reopened within 90 s the last query may be shown again: Esc returns to the empty box (on it, Esc would close).
    const boxText = () => popup.evaluate(() => (document.querySelector('[data-testid=search-input]') as HTMLInputElement).value);
    if ((await boxText()) !== '') await popup.press('Escape');
    await expect.poll(boxText).toBe('');
    const rows = (group: string) => popup.evaluate((g: string) =>
      [...document.querySelectorAll(`[data-testid=group-${g}] [data-testid=result]`)].map((r) => r.getAttribute('data-url')), group);
    await expect.poll(async () => (await rows('recent'))[0], { timeout: 10_000, interval: 40 }).toBe(profileUrl(demo.url, 'jonathan.whitaker'));
    await expect.poll(() => rows('waiting'), { timeout: 10_000, interval: 40 }).toContain(reviewUrl(demo.url, 'ABC', 5));
  });

  it('local directory (issue 16): once synced, a person is found from the copy, with no search request to Space', async () => {
    const popup = await firefox.openTab(firefox.extensionUrl('src/popup/index.html'));
    await popup.waitFor('the search box to have focus', () => document.activeElement?.getAttribute('data-testid') === 'search-input');
    // Synced on connect, in the background (IndexedDB in Firefox's event page too).
    const synced = () => popup.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      const answer = await api.runtime.sendMessage({ type: 'directory-status' }) as { ok: boolean; value?: { state: string; storage: string; counts: { person: number } } };
      return answer.ok && answer.value?.state === 'ready' ? `${answer.value.storage} ${answer.value.counts.person}` : null;
    });
    await expect.poll(synced, { timeout: 30_000, interval: 200 }).toBe(`disk ${demo.dataset.profiles.filter((p) => !p.archived).length}`);
    demo.clearRequests();
    await popup.type('whitaker');
    const expectedUrl = profileUrl(demo.url, 'jonathan.whitaker');
    await expect.poll(() => popup.evaluate(() => document.querySelector('[data-testid=result][data-kind=person]')?.getAttribute('data-url') ?? null),
      { timeout: 10_000, interval: 40 }).toBe(expectedUrl);
    expect(demo.requests.filter((r) => r.path === '/api/http/team-directory/profiles' && (r.query.query?.[0] ?? '') !== '')).toEqual([]);
  });

  it('Sign in with Space: identity is declared, the real auth window opens, Approve → signed in; search uses the access token', async () => {
    // The Firefox build declares `identity` (it can't be optional there): no prompt, the redirect URI is exact.
    await options.click('[data-testid=replace-token]');
    await options.waitFor('the method choice', () => document.querySelector('[data-testid=method-oauth]'));
    await options.click('[data-testid=method-oauth]');
    const redirect = await options.waitFor('the redirect URI', () => (document.querySelector('[data-testid=redirect-uri]') as HTMLInputElement | null)?.value);
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    await options.fill('[data-testid=client-id-input]', demo.oauthClientId);
    demo.clearRequests();
    const clicked = Date.now();
    await options.click('[data-testid=sign-in]');

    // The auth window is a window of its own; its page is a top-level content context.
    const authUrl = `${demo.url}/oauth/auth`;
    let auth: string | undefined;
    await expect.poll(async () => (auth = (await firefox.tabUrls()).find((u) => u.startsWith(authUrl))), { timeout: 15_000, interval: 40 }).toBeTruthy();
    const consent = await firefox.waitForTab(auth as string);
    await consent.waitFor('the consent page', () => document.querySelector('button[value=approve]'));
    await consent.click('button[value=approve]');
    const signedIn = await options.waitFor('"Signed in with Space"', () => document.querySelector('[data-testid=signed-in-with]')?.textContent);
    console.log(`[e2e firefox] Sign in with Space: click → "Connected" ${Date.now() - clicked} ms`);
    expect(signedIn).toBe('Signed in with Space');
    expect(demo.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
    const { accessTokens } = demo.issuedOAuthTokens();

    const popup = await firefox.openTab(firefox.extensionUrl('src/popup/index.html'));
    await popup.waitFor('the search box to have focus', () => document.activeElement?.getAttribute('data-testid') === 'search-input');
    demo.clearRequests();
    await popup.type('whitaker');
    await expect.poll(() => popup.evaluate(() => document.querySelectorAll('[data-testid=result]').length), { timeout: 10_000, interval: 40 }).toBeGreaterThan(0);
    const api = demo.requests.filter((r) => r.path.startsWith('/api/http/'));
    expect(api.length).toBeGreaterThan(0);
    for (const r of api) expect(r.authorization).toBe(`Bearer ${accessTokens[0]}`);
  });
});
