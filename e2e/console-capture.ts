import type { BrowserContext, ConsoleMessage } from 'playwright-core';
import type { TargetChannel } from './cdp.ts';

export interface CapturedConsole {
  source: string;
  type: string;
  text: string;
}

/**
 * Everything the extension's contexts print: console calls and uncaught errors of every page and of the
 * service worker (Playwright reports both on the context), plus the real action popup, which Playwright
 * does not see (CDP, attached by openRealPopup). Object arguments are serialized in full, not only their
 * preview, so a secret nested in a logged object is found too.
 */
export class ConsoleCapture {
  readonly entries: CapturedConsole[] = [];
  private readonly pending = new Set<Promise<void>>();

  attachContext(context: BrowserContext): void {
    context.on('console', (msg) => this.track(this.fromPlaywright(msg)));
    context.on('weberror', (e) => {
      const err = e.error();
      this.entries.push({ source: e.page()?.url() ?? 'page', type: 'pageerror', text: `${err.message}\n${err.stack ?? ''}` });
    });
  }

  async attachChannel(channel: TargetChannel): Promise<void> {
    channel.on((method, params) => {
      if (method === 'Runtime.consoleAPICalled') {
        const args = (params.args as { value?: unknown; description?: string; unserializableValue?: string }[] | undefined) ?? [];
        const text = args.map((a) => (a.value !== undefined ? JSON.stringify(a.value) : a.description ?? a.unserializableValue ?? '')).join(' ');
        this.entries.push({ source: channel.target.url, type: String(params.type), text });
      } else if (method === 'Runtime.exceptionThrown') {
        const d = params.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
        this.entries.push({ source: channel.target.url, type: 'exception', text: `${d?.text ?? ''} ${d?.exception?.description ?? ''}` });
      } else if (method === 'Log.entryAdded') {
        const entry = params.entry as { level?: string; text?: string; url?: string } | undefined;
        this.entries.push({ source: channel.target.url, type: `log:${entry?.level ?? ''}`, text: `${entry?.text ?? ''} ${entry?.url ?? ''}` });
      }
    });
    await channel.send('Runtime.enable');
    await channel.send('Log.enable');
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async fromPlaywright(msg: ConsoleMessage): Promise<void> {
    const source = msg.worker()?.url() ?? msg.page()?.url() ?? 'unknown';
    const full = await Promise.all(
      msg.args().map(async (h) => {
        try {
          return JSON.stringify(await h.jsonValue());
        } catch {
          return '';
        }
      }),
    ).catch(() => [] as string[]);
    this.entries.push({ source, type: msg.type(), text: [msg.text(), ...full].join(' ') });
  }

  /** Waits for argument serialization of everything logged so far. */
  async settle(): Promise<CapturedConsole[]> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
    return this.entries;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
