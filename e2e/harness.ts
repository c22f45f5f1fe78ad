/**
 * End-to-end harness: the built extension in Debian's headless Chromium (playwright-core), talking to the
 * demo Space server over real HTTP on 127.0.0.1. Recipes from toolchain.md §6–§7; used by every
 * `e2e/*.e2e.ts` file and by the benchmark.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../scripts/demo-space/server.ts';
import { findTestBrowser, QUIET_FLAGS } from '../scripts/lib/browser.mjs';
import { originPattern } from '../src/space/base-url.ts';
import { CdpHub, type TargetChannel, type TargetInfo } from './cdp.ts';
import { ConsoleCapture } from './console-capture.ts';
import { unpackedExtensionId, writeManagedPolicy } from './managed-policy.ts';
import { connectInOptions, signInInOptions, type ConnectOptions, type SignInOptions, type SignInResult } from './options-flows.ts';
import { DIST, ROOT, SCREENSHOT_DIR } from './paths.ts';
import { sleep, waitUntil } from './wait-until.ts';

/** Chrome's popup is at most 800×600; the extension's popup is about this wide. */
export const POPUP_VIEWPORT = { width: 420, height: 600 };

export interface HarnessOptions {
  /** Options for the demo server this harness starts (a free port by default). */
  demo?: DemoServerOptions;
  /** The unpacked extension to load; default dist/. */
  extDir?: string;
  /** Default timeout of Playwright actions, ms. */
  actionTimeoutMs?: number;
  /** Extra Chromium flags (the benchmark's HTTP/2 run adds --ignore-certificate-errors for the demo certificate). */
  browserArgs?: string[];
  /**
   * Load the extension "allowed in Incognito" (CDP `Extensions.loadUnpacked` with `enableInIncognito`). Headless,
   * turning it on later (`developerPrivate.updateExtensionConfiguration`) reloads the extension, and that reload
   * never finishes: it stays disabled with `disableReasons.reloading`.
   */
  allowIncognito?: boolean;
  /**
   * Managed settings (the organization's policy) for the extension, given the demo server's URL: the harness loads
   * a private copy of the build and writes a Chromium policy file for that copy's id (e2e/managed-policy.ts),
   * removed on close.
   */
  managed?: (demoUrl: string) => Record<string, unknown>;
}

export class Harness {
  readonly console = new ConsoleCapture();
  /** The options tab the extension opened on install (null if it did not). */
  installPage: Page | null = null;
  private readonly manifest: { action: { default_popup: string }; options_ui: { page: string } };

  private constructor(
    readonly context: BrowserContext,
    readonly cdp: CdpHub,
    readonly demo: DemoServer,
    readonly extDir: string,
    readonly extensionId: string,
    private readonly profileDir: string,
    private serviceWorker: Worker,
    private readonly cleanups: (() => void)[] = [],
  ) {
    this.manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  }

  static async start(opts: HarnessOptions = {}): Promise<Harness> {
    const executablePath = findTestBrowser();
    if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH');
    let extDir = opts.extDir ?? DIST;
    const demo = await startDemoServer(opts.demo ?? {});
    const profileDir = mkdtempSync(join(tmpdir(), 'space-lookup-e2e-'));
    let context: BrowserContext | undefined;
    const cleanups: (() => void)[] = [];
    try {
      if (opts.managed) {
        const copy = realpathSync(mkdtempSync(join(tmpdir(), 'space-lookup-managed-')));
        cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
        cpSync(extDir, copy, { recursive: true });
        extDir = copy;
        cleanups.unshift(writeManagedPolicy(unpackedExtensionId(copy), opts.managed(demo.url)));
      }
      const viaCdp = opts.allowIncognito === true;
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        headless: true,
        viewport: { width: 1000, height: 760 },
        args: [...QUIET_FLAGS, ...(opts.browserArgs ?? []), ...(viaCdp ? [] : [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`])],
        ...(viaCdp ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      });
      if (viaCdp) {
        const loader = await context.browser()?.newBrowserCDPSession();
        // Not in Playwright's protocol typings (enableInIncognito is newer than them).
        await loader?.send('Extensions.loadUnpacked' as never, { path: extDir, enableInIncognito: true } as never);
        await loader?.detach();
      }
      context.setDefaultTimeout(opts.actionTimeoutMs ?? 10_000);
      const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
      const sw = context.serviceWorkers().find(isOurs)
        ?? await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
      const browser = context.browser();
      if (!browser) throw new Error('playwright-core gave no Browser for the persistent context');
      const cdp = new CdpHub(await browser.newBrowserCDPSession());
      const launched = context;
      const harness = new Harness(launched, cdp, demo, extDir, new URL(sw.url()).host, profileDir, sw, cleanups);
      harness.console.attachContext(launched);
      // A fresh install opens the options page by itself, possibly by navigating whichever blank tab is
      // active; wait for it so it cannot hijack a page a test opens next.
      const optionsUrl = harness.extUrl(harness.optionsPath);
      harness.installPage = await waitUntil(
        async () => launched.pages().find((p) => p.url() === optionsUrl),
        'the options page opened on install',
        5_000,
      ).catch(() => null);
      return harness;
    } catch (e) {
      await context?.close().catch(() => undefined);
      await demo.close();
      rmSync(profileDir, { recursive: true, force: true });
      for (const cleanup of cleanups) cleanup();
      throw e;
    }
  }

  /** `http://127.0.0.1:PORT` of the demo server. */
  get origin(): string {
    return this.demo.url;
  }

  get popupPath(): string {
    return this.manifest.action.default_popup;
  }

  get optionsPath(): string {
    return this.manifest.options_ui.page;
  }

  extUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  private async workerTarget(): Promise<TargetInfo | undefined> {
    return (await this.cdp.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(this.extUrl('')));
  }

  /**
   * The running service worker, started first if it is stopped. After a restart Playwright may keep the old
   * Worker object (it follows the new instance) or report a new one; whichever answers is used.
   */
  async worker(): Promise<Worker> {
    if (!(await this.workerTarget())) {
      // Any extension event wakes it; the options page's read-only status request is one.
      const page = await this.context.newPage();
      try {
        await page.goto(this.extUrl(this.optionsPath));
        await page.locator('main[data-loaded="true"]').waitFor();
      } finally {
        await page.close();
      }
      await waitUntil(() => this.workerTarget(), 'the service worker to start');
    }
    const candidates = [this.serviceWorker, ...this.context.serviceWorkers().filter((w) => w.url().startsWith(this.extUrl('')))].reverse();
    for (const w of candidates) {
      const alive = await Promise.race([w.evaluate(() => true).catch(() => false), sleep(3000).then(() => false)]);
      if (alive) {
        this.serviceWorker = w;
        return w;
      }
    }
    throw new Error('no live service worker handle');
  }

  /**
   * Also records the running worker's console and browser-side log entries (e.g. failed network requests)
   * over CDP; Playwright reports only console calls. Attach again after the worker restarts.
   */
  async captureWorkerLog(): Promise<void> {
    await this.worker();
    const target = await waitUntil(() => this.workerTarget(), 'the service worker target');
    await this.console.attachChannel(await this.cdp.attach(target));
  }

  /** Runs `fn` in the service worker. */
  async sw<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const w = await this.worker();
    // Playwright's evaluate typing cannot follow a generic argument type through; the call is the same.
    return w.evaluate(fn as Parameters<Worker['evaluate']>[0], arg) as Promise<R>;
  }

  async storage(area: 'local' | 'session' | 'sync'): Promise<Record<string, unknown>> {
    return this.sw((a) => chrome.storage[a].get(null), area);
  }

  /**
   * Stops the service worker the way Chrome does after 30 s idle (CDP Target.closeTarget on its target,
   * as in Chrome's own termination-test sample) and waits until it is gone.
   */
  async killWorker(): Promise<void> {
    const target = await this.workerTarget();
    if (!target) return;
    // The worker that was running must be gone. A popup holding the lookup port may start a new one at once
    // (another target id): that counts as stopped. Under load Chromium can ignore a close, so ask again.
    let asked = 0;
    await waitUntil(async () => {
      const current = await this.workerTarget();
      if (current?.targetId !== target.targetId) return true;
      if (asked++ % 40 === 0) await this.cdp.session.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
      return false;
    }, 'the service worker to stop', 20_000);
  }

  /**
   * Adds `origin`'s host permission to the runtime-granted set through chrome://extensions' private API, so
   * the options page's own `permissions.request` (still called from the Connect click) resolves true at
   * once instead of waiting for a prompt nobody can answer headless (toolchain.md §7.4).
   */
  async grantHost(origin: string): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome://extensions/?id=${this.extensionId}`);
      await page.evaluate(
        ([id, pattern]) => (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } })
          .developerPrivate.addHostPermission(id, pattern),
        [this.extensionId, originPattern(origin)] as const,
      );
    } finally {
      await page.close();
    }
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.bringToFront();
    await page.goto(this.extUrl(this.optionsPath));
    await page.locator('main[data-loaded="true"]').waitFor();
    return page;
  }

  /**
   * Connects through the real options page: fills the form, clicks Connect (whose handler requests the
   * host permission), waits for the outcome. Returns the options page, left open.
   */
  connect(url: string, token: string, opts: ConnectOptions = {}): Promise<Page> {
    return connectInOptions(this, url, token, opts);
  }

  /** "Sign in with Space" through the real options page and the browser's real auth window (options-flows.ts). */
  signIn(opts: SignInOptions = {}): Promise<SignInResult> {
    return signInInOptions(this, opts);
  }

  /** The popup page opened in a tab (popup-sized), ready (`body[data-ready=true]`). */
  async openPopupPage(query?: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    // A tab the extension opened may have taken the foreground; rAF (which marks "ready") only runs in a
    // visible page.
    await page.bringToFront();
    const url = this.extUrl(this.popupPath) + (query !== undefined ? `?q=${encodeURIComponent(query)}` : '');
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    return page;
  }

  /**
   * The real action popup (chrome.action.openPopup from the worker), driven over raw CDP because Playwright
   * does not expose it as a Page (toolchain.md §7.5). Resolves once the popup reports it is ready.
   */
  async openRealPopup(opts: { capture?: boolean; trigger?: () => Promise<unknown> } = {}): Promise<TargetChannel> {
    const popupUrl = this.extUrl(this.popupPath);
    const before = new Set((await this.cdp.targets()).filter((t) => t.url.startsWith(popupUrl)).map((t) => t.targetId));
    await (opts.trigger ? opts.trigger() : this.sw(() => chrome.action.openPopup()));
    const target = await this.cdp.waitForTarget((t) => t.type === 'page' && t.url.startsWith(popupUrl) && !before.has(t.targetId));
    const channel = await this.cdp.attach(target);
    if (opts.capture !== false) await this.console.attachChannel(channel);
    await waitUntil(() => channel.evaluate<boolean>('document.body?.dataset.ready === "true"'), 'the real popup to render');
    return channel;
  }

  /** Saves `<name>-<scheme>.png` in SCREENSHOT_DIR (ignored; published by `npm run screenshots`) for both color schemes; leaves the page in light mode. */
  async screenshots(page: Page, name: string, prepare?: () => Promise<void>): Promise<string[]> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const files: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await prepare?.();
      // Let transitions settle so both shots show the finished state.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const file = join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      files.push(file);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    return files;
  }

  /** The next page (tab) the context opens while `action` runs, e.g. the tab Enter opened. */
  async nextPage(action: () => Promise<unknown>, predicate: (p: Page) => boolean = () => true): Promise<Page> {
    const opened = this.context.waitForEvent('page', { predicate, timeout: 10_000 });
    await action();
    const page = await opened;
    await page.waitForLoadState('domcontentloaded').catch(() => undefined);
    return page;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.demo.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
    for (const cleanup of this.cleanups) cleanup();
  }
}

/**
 * The search debounce, read from its source so waits here follow it: the worker's since issue 16 (the popup sends
 * every keystroke; the worker asks Space only after this long without a newer search). Keystrokes within this
 * interval are one server search.
 */
export const DEBOUNCE_MS: number = (() => {
  const file = 'src/background/search/engine.ts';
  const source = readFileSync(join(ROOT, file), 'utf8');
  const m = /SERVER_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
  if (!m) throw new Error(`SERVER_DEBOUNCE_MS not found in ${file}`);
  return Number(m[1]);
})();

/**
 * Waits until the popup's search for what is in the box has fully answered (all groups in, status line
 * written). Call it after typing: it first lets the debounce run out, so the "done" it sees cannot be the
 * previous search's.
 */
export async function waitForSearchDone(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForTimeout(DEBOUNCE_MS + 50);
  await page.waitForFunction(
    () => {
      const progress = document.querySelector('.progress');
      const status = document.querySelector('.status-line')?.textContent ?? '';
      return progress !== null && !progress.classList.contains('on') && status.trim() !== '';
    },
    undefined,
    { timeout: timeoutMs },
  );
}

/** Types into the popup's search box like a user (keyboard events, `delayMs` apart), replacing its text. */
export async function typeQuery(page: Page, text: string, delayMs = 20): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.focus();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await page.keyboard.type(text, { delay: delayMs });
}

/**
 * Moves the popup's active option to the row with `url` using ↓ only (the search box keeps focus), and
 * fails if ↓ never gets there.
 */
export async function moveTo(page: Page, url: string): Promise<void> {
  const activeUrl = async () => {
    const id = await page.getByTestId('search-input').getAttribute('aria-activedescendant');
    return id ? page.locator(`#${id}`).getAttribute('data-url') : null;
  };
  const count = await page.locator('[data-testid="result"]').count();
  for (let i = 0; i <= count && (await activeUrl()) !== url; i++) await page.keyboard.press('ArrowDown');
  if ((await activeUrl()) !== url) throw new Error(`↓ never made ${url} the active option`);
}

/**
 * Presses a key that may close the page it is pressed in (Enter on a result opens a tab and closes the
 * popup): the key-up then has no page to go to, which is fine.
 */
export async function pressClosing(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key).catch((e: unknown) => {
    if (!page.isClosed()) throw e;
  });
}
