/**
 * A minimal WebDriver BiDi client: commands as promises, events to listeners. Just enough protocol to drive
 * Firefox without geckodriver or Playwright (toolchain.md §8.3): Playwright's Firefox mode needs its own
 * patched build and has no way to install an extension.
 */
import WebSocket from 'ws';

type Json = Record<string, unknown>;

interface Pending {
  method: string;
  resolve: (result: Json) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export type BidiEventListener = (method: string, params: Json) => void;

export class BidiError extends Error {
  constructor(method: string, readonly error: string, detail: string) {
    super(`${method}: ${error}: ${detail}`);
    this.name = 'BidiError';
  }
}

export class BidiClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<BidiEventListener>();
  private closedBecause: Error | null = null;

  private constructor(private readonly socket: WebSocket, private readonly commandTimeoutMs: number) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.failAll(new Error('BiDi connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** `url` is the `ws://host:port` Firefox prints; BiDi sessions live under `/session`. */
  static connect(url: string, commandTimeoutMs = 10_000): Promise<BidiClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${url.replace(/\/$/, '')}/session`);
      socket.once('open', () => resolve(new BidiClient(socket, commandTimeoutMs)));
      socket.once('error', reject);
    });
  }

  send<T extends Json = Json>(method: string, params: Json = {}): Promise<T> {
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${this.commandTimeoutMs} ms`));
      }, this.commandTimeoutMs);
      this.pending.set(id, { method, resolve: resolve as (r: Json) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Returns a function that removes the listener. Subscribe with `session.subscribe` to get events at all. */
  onEvent(listener: BidiEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.failAll(new Error('BiDi client closed'));
    this.socket.terminate();
  }

  private receive(text: string): void {
    let message: Json;
    try {
      message = JSON.parse(text) as Json;
    } catch {
      return;
    }
    if (message.type === 'event') {
      for (const listener of this.listeners) listener(String(message.method), (message.params ?? {}) as Json);
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    if (message.type === 'success') pending.resolve((message.result ?? {}) as Json);
    else pending.reject(new BidiError(pending.method, String(message.error), String(message.message ?? '')));
  }

  private failAll(error: Error): void {
    this.closedBecause ??= error;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}
