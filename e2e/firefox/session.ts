/**
 * A headless Firefox with one extension installed as a temporary add-on over WebDriver BiDi
 * (`webExtension.install`), its moz-extension:// origin fixed in advance so pages can be opened by URL.
 */
import { randomUUID } from 'node:crypto';
import { BidiClient } from './bidi.ts';
import { launchFirefox, type FirefoxInstance, type PrefValue } from './launch.ts';
import { BidiPage } from './page.ts';

export interface FirefoxSessionOptions {
  binary: string;
  /** An unpacked extension folder (dist-firefox/). */
  extensionDir: string;
  /** The manifest's gecko id. */
  extensionId: string;
  prefs?: Record<string, PrefValue>;
}

interface ContextInfo {
  context: string;
  url: string;
  children?: ContextInfo[] | null;
}

export interface SessionTimings {
  /** Spawn → BiDi address printed. */
  launchMs: number;
  /** BiDi address → `session.new` answered. */
  sessionMs: number;
  /** `webExtension.install` round trip. */
  installMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FirefoxSession {
  private constructor(
    private readonly firefox: FirefoxInstance,
    readonly bidi: BidiClient,
    /** `moz-extension://<uuid>` */
    readonly extensionOrigin: string,
    readonly timings: SessionTimings,
  ) {}

  static async start(opts: FirefoxSessionOptions): Promise<FirefoxSession> {
    const uuid = randomUUID();
    const started = Date.now();
    const firefox = await launchFirefox({
      binary: opts.binary,
      prefs: {
        // Firefox otherwise picks a random moz-extension:// host per profile.
        'extensions.webextensions.uuids': JSON.stringify({ [opts.extensionId]: uuid }),
        ...opts.prefs,
      },
    });
    const launched = Date.now();
    let bidi: BidiClient | null = null;
    try {
      bidi = await BidiClient.connect(firefox.bidiUrl);
      await bidi.send('session.new', { capabilities: {} });
      const sessionReady = Date.now();
      const installed = await bidi.send<{ extension: string }>('webExtension.install', {
        extensionData: { type: 'path', path: opts.extensionDir },
      });
      if (installed.extension !== opts.extensionId) {
        throw new Error(`installed add-on has id ${installed.extension}, expected ${opts.extensionId}`);
      }
      const timings = { launchMs: launched - started, sessionMs: sessionReady - launched, installMs: Date.now() - sessionReady };
      return new FirefoxSession(firefox, bidi, `moz-extension://${uuid}`, timings);
    } catch (error) {
      bidi?.close();
      await firefox.kill();
      throw new Error(`${(error as Error).message}\n--- Firefox output ---\n${firefox.output().slice(-4000)}`, { cause: error });
    }
  }

  extensionUrl(path: string): string {
    return `${this.extensionOrigin}/${path.replace(/^\//, '')}`;
  }

  /** Every tab's URL, for assertions and failure messages. */
  async tabUrls(): Promise<string[]> {
    return (await this.contentContexts()).map((c) => c.url);
  }

  /** Waits for a tab that something else opened (the add-on, a link) to show `url`. */
  async waitForTab(url: string, timeoutMs = 10_000): Promise<BidiPage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.contentContexts()).find((c) => c.url === url);
      if (found) return new BidiPage(this.bidi, found.context);
      if (Date.now() > deadline) throw new Error(`no tab showed ${url} within ${timeoutMs} ms; tabs: ${(await this.tabUrls()).join(', ')}`);
      await sleep(40);
    }
  }

  async openTab(url: string): Promise<BidiPage> {
    const { context } = await this.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const page = new BidiPage(this.bidi, context);
    await page.navigate(url);
    return page;
  }

  /** The browser window itself (browser.xhtml), where Firefox shows its prompts. */
  async chromeWindow(): Promise<BidiPage> {
    const tree = await this.bidi.send<{ contexts: ContextInfo[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window in the chrome scope (is --remote-allow-system-access set?)');
    return new BidiPage(this.bidi, window.context);
  }

  /** Firefox's stdout/stderr so far, for diagnosing a failure. */
  output(): string {
    return this.firefox.output();
  }

  async close(): Promise<void> {
    this.bidi.close();
    await this.firefox.kill();
  }

  private async contentContexts(): Promise<ContextInfo[]> {
    const tree = await this.bidi.send<{ contexts: ContextInfo[] }>('browsingContext.getTree', { maxDepth: 0 });
    return tree.contexts;
  }
}
