/**
 * A small in-memory stand-in for the pages' extension namespace (`src/shared/browser.ts`), for page-side unit tests:
 * real message lookup from the English messages.json (with Chrome's placeholder rules), spies for the
 * calls pages make, and a fake lookup port the test drives. Use with
 *   vi.mock('<relative path>/browser.ts', async () => (await import('…/fake-browser.ts')).polyfillModule());
 */
import { vi } from 'vitest';
import { getMessage } from './messages.ts';

export class FakePort {
  name: string;
  sent: unknown[] = [];
  disconnected = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };

  constructor(name: string) {
    this.name = name;
  }

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** The worker answers. */
  deliver(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }

  /** The worker went away (stopped, reloaded). */
  drop(): void {
    this.disconnected = true;
    for (const l of this.disconnectListeners) l();
  }
}

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

const unknownError = { ok: false, error: { code: 'internal' } };

/** Every field is rebuilt by `reset()` in place, so modules that imported the object keep seeing the live fake. */
export class FakeBrowser {
  ports: FakePort[] = [];
  session: Record<string, unknown> = {};
  storageListeners: StorageListener[] = [];
  i18n = { getMessage: vi.fn(getMessage), getUILanguage: () => 'en' };
  runtime = this.makeRuntime();
  storage = this.makeStorage();
  tabs = { create: vi.fn(async (props: { url: string; active?: boolean }) => ({ id: 1, ...props })) };
  permissions = { request: vi.fn(async (_p: { origins: string[] }) => true) };

  reset(): void {
    this.ports = [];
    this.session = {};
    this.storageListeners = [];
    this.i18n = { getMessage: vi.fn(getMessage), getUILanguage: () => 'en' };
    this.runtime = this.makeRuntime();
    this.storage = this.makeStorage();
    this.tabs = { create: vi.fn(async (props: { url: string; active?: boolean }) => ({ id: 1, ...props })) };
    this.permissions = { request: vi.fn(async (_p: { origins: string[] }) => true) };
  }

  /** As if another context (the worker) wrote to storage.session. */
  emitSession(key: string, newValue: unknown): void {
    this.session[key] = newValue;
    for (const l of this.storageListeners) l({ [key]: { newValue } }, 'session');
  }

  /** The most recently opened lookup port. */
  get port(): FakePort {
    const p = this.ports[this.ports.length - 1];
    if (!p) throw new Error('no port opened');
    return p;
  }

  private makeRuntime() {
    return {
      id: 'test-extension',
      sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => unknownError),
      connect: vi.fn(({ name }: { name: string }) => {
        const port = new FakePort(name);
        this.ports.push(port);
        return port;
      }),
      openOptionsPage: vi.fn(async () => undefined),
    };
  }

  private makeStorage() {
    return {
      session: {
        get: vi.fn(async (keys: string[]) =>
          Object.fromEntries(keys.filter((k) => k in this.session).map((k) => [k, this.session[k]]))),
        remove: vi.fn(async (key: string) => {
          delete this.session[key];
        }),
      },
      onChanged: {
        addListener: vi.fn((l: StorageListener) => void this.storageListeners.push(l)),
        removeListener: vi.fn((l: StorageListener) => {
          this.storageListeners = this.storageListeners.filter((x) => x !== l);
        }),
      },
    };
  }
}

/** The one instance the mocked module exports. */
export const fakeBrowser = new FakeBrowser();

export function polyfillModule() {
  return { default: fakeBrowser };
}
