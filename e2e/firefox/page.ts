/**
 * One Firefox browsing context (a tab, or a chrome window) driven over BiDi: run a function in it, wait for
 * a condition, click and type with real input events (`input.performActions`), so handlers see genuine
 * user gestures — `permissions.request` refuses to run without one.
 */
import type { BidiClient } from './bidi.ts';

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/** WebDriver key codes for the named keys the tests press. */
const KEYS: Record<string, string> = { Enter: '\uE007', Backspace: '\uE003', ArrowDown: '\uE015', ArrowUp: '\uE013', Escape: '\uE00C' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class BidiPage {
  constructor(private readonly bidi: BidiClient, readonly context: string) {}

  /**
   * Runs `fn` in the page with JSON `args` and returns its JSON-serializable result. `fn` is sent as source
   * text, so it must not refer to anything outside itself.
   */
  async evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    const expression = `(async () => JSON.stringify({ v: await (${fn.toString()})(...${JSON.stringify(args)}) }))()`;
    const answer = await this.bidi.send<EvaluateResult & Record<string, unknown>>('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (answer.type === 'exception') throw new Error(`evaluate failed in page: ${answer.exceptionDetails?.text ?? 'unknown error'}`);
    const json = answer.result?.value;
    if (typeof json !== 'string') throw new Error(`evaluate returned ${answer.result?.type ?? 'nothing'} instead of JSON`);
    return (JSON.parse(json) as { v: R }).v;
  }

  /** Polls `fn` until it returns something truthy, and returns that. */
  async waitFor<A extends unknown[], R>(what: string, fn: (...args: A) => R | Promise<R>, ...args: A): Promise<NonNullable<R>> {
    const deadline = Date.now() + 10_000;
    let last: unknown;
    for (;;) {
      try {
        const value = await this.evaluate(fn, ...args);
        if (value) return value as NonNullable<R>;
        last = value;
      } catch (error) {
        // The page may be mid-navigation; keep polling until the deadline.
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
      await sleep(40);
    }
  }

  async navigate(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** A real mouse click in the middle of the first element matching `selector`. */
  async click(selector: string): Promise<void> {
    const [x, y] = await this.waitFor(`${selector} to be visible`, (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] : null;
    }, selector);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x, y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      }],
    });
  }

  /** Types `text` key by key into whatever has focus. */
  async type(text: string): Promise<void> {
    await this.keys([...text]);
  }

  /** Presses one named key (`Enter`, `ArrowDown`, …). */
  async press(key: keyof typeof KEYS): Promise<void> {
    const code = KEYS[key];
    if (!code) throw new Error(`no WebDriver code for key ${key}`);
    await this.keys([code]);
  }

  /**
   * Sets an input's value and fires `input`, as a paste would: long values (tokens) need no key-by-key typing,
   * and Preact's onInput still sees the change.
   */
  async fill(selector: string, value: string): Promise<void> {
    const found = await this.evaluate((sel: string, v: string) => {
      const el = document.querySelector(sel);
      if (!(el instanceof HTMLInputElement)) return false;
      el.focus();
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: v }));
      return true;
    }, selector, value);
    if (!found) throw new Error(`no input matches ${selector}`);
  }

  private async keys(codes: string[]): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: codes.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }],
    });
  }
}
