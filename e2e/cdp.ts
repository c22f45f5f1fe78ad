/**
 * Raw DevTools-protocol access to targets Playwright does not expose as Page/Worker objects (the real action
 * popup, toolchain.md §7.5) or does not report everything for (service-worker console). One browser-level
 * CDP session multiplexes "channels": each is an attachment with `flatten: false`, spoken to through
 * Target.sendMessageToTarget / Target.receivedMessageFromTarget.
 */
import type { CDPSession } from 'playwright-core';

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  title: string;
  attached: boolean;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

type EventListener = (method: string, params: Record<string, unknown>) => void;

/** One attachment to one target. */
export class TargetChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  detached = false;

  constructor(
    private readonly session: CDPSession,
    readonly sessionId: string,
    readonly target: TargetInfo,
  ) {}

  /** @internal called by CdpHub for each message of this channel. */
  handle(raw: string): void {
    const msg = JSON.parse(raw) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${this.target.url}: ${msg.error.message}`));
      else p.resolve(msg.result);
    } else if (msg.method) {
      for (const l of this.listeners) l(msg.method, msg.params ?? {});
    }
  }

  /** @internal */
  markDetached(): void {
    this.detached = true;
    for (const p of this.pending.values()) p.reject(new Error(`target ${this.target.url} detached`));
    this.pending.clear();
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.detached) return Promise.reject(new Error(`target ${this.target.url} detached`));
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.session
      .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
      .catch((e: unknown) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        p?.reject(e instanceof Error ? e : new Error(String(e)));
      });
    return result;
  }

  /** Evaluates `expression` in the target's main world; awaits promises; returns the JSON value. */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (r.exceptionDetails) {
      throw new Error(`evaluate failed in ${this.target.url}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    return r.result.value as T;
  }

  async detach(): Promise<void> {
    if (this.detached) return;
    this.detached = true;
    await this.session.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }
}

/** The browser-level session and its channels. */
export class CdpHub {
  private readonly channels = new Map<string, TargetChannel>();

  constructor(readonly session: CDPSession) {
    session.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      this.channels.get(e.sessionId)?.handle(e.message);
    });
    session.on('Target.detachedFromTarget', (e: { sessionId: string }) => {
      this.channels.get(e.sessionId)?.markDetached();
      this.channels.delete(e.sessionId);
    });
  }

  async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos;
  }

  async attach(target: TargetInfo): Promise<TargetChannel> {
    const { sessionId } = (await this.session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    const channel = new TargetChannel(this.session, sessionId, target);
    this.channels.set(sessionId, channel);
    return channel;
  }

  /** Polls until a target matching `predicate` exists. */
  async waitForTarget(predicate: (t: TargetInfo) => boolean, timeoutMs = 10_000): Promise<TargetInfo> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.targets()).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for a CDP target');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
