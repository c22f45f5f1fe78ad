/**
 * An in-memory FAKE of the few extension APIs the worker uses — because a real browser is impractical at
 * unit level. It is not a mock: storage areas keep data with the browser's semantics (values cloned through
 * JSON as Chrome does, `undefined` values ignored, `get(null)` returns everything), host permissions are a
 * real set of granted patterns, and events call their listeners. It also records what a test needs to see
 * (tabs opened, badge, menus, every storage write).
 *
 * The end-to-end suite (e2e/) runs the real worker in real Chromium; this fake only serves unit tests.
 *
 * `fake.platform` is what handlers get. `fake.namespace` imitates the `browser.*` object (events included)
 * for importing `src/background/index.ts` itself.
 */
import { getMessage } from '../../shared/test-support/messages.ts';
import type { Platform, StorageAreaLike } from '../platform.ts';

export class FakeStorageArea implements StorageAreaLike {
  private readonly data = new Map<string, string>();
  /** Every `set` call, as stored (after cloning). */
  readonly writes: Record<string, unknown>[] = [];
  accessLevel: string | null = null;
  setAccessLevel?: StorageAreaLike['setAccessLevel'];

  constructor(opts: { accessLevel?: boolean } = {}) {
    if (opts.accessLevel) {
      this.setAccessLevel = async ({ accessLevel }) => {
        this.accessLevel = accessLevel;
      };
    }
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const stored: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(items)) {
      if (v === undefined) continue;
      const json = JSON.stringify(v);
      this.data.set(k, json);
      stored[k] = JSON.parse(json);
    }
    this.writes.push(stored);
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }

  /** Synchronous view for assertions. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, JSON.parse(v)]));
  }

  /** Raw stored text (keys and values), for "does the token appear anywhere" checks. */
  dump(): string {
    return [...this.data].map(([k, v]) => `${k}=${v}`).join('\n');
  }

  clear(): void {
    this.data.clear();
  }
}

type Listener = (...args: never[]) => unknown;

export class FakeEvent<L extends Listener> {
  private readonly listeners: L[] = [];
  addListener(listener: L): void {
    this.listeners.push(listener);
  }
  removeListener(listener: L): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  hasListener(listener: L): boolean {
    return this.listeners.includes(listener);
  }
  hasListeners(): boolean {
    return this.listeners.length > 0;
  }
  clearListeners(): void {
    this.listeners.length = 0;
  }
  /** Calls every listener, like Chromium's undocumented `event.dispatch`; returns their results. */
  dispatch(...args: Parameters<L>): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}

/** A connected pair of ports: `client` is the page's end, `server` the worker's (as onConnect gets it). */
export interface FakePortEnd {
  name: string;
  sender?: unknown;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: FakeEvent<(message: unknown) => void>;
  onDisconnect: FakeEvent<() => void>;
  /** Everything the other end posted to this one. */
  received: unknown[];
  disconnected: boolean;
}

export function createPortPair(name: string, sender: unknown): { client: FakePortEnd; server: FakePortEnd } {
  const make = (): FakePortEnd => ({
    name,
    postMessage: () => undefined,
    disconnect: () => undefined,
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
    received: [],
    disconnected: false,
  });
  const client = make();
  const server = make();
  server.sender = sender;
  const link = (from: FakePortEnd, to: FakePortEnd) => {
    from.postMessage = (message) => {
      if (from.disconnected) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      to.received.push(copy);
      to.onMessage.dispatch(copy);
    };
    from.disconnect = () => {
      if (from.disconnected) return;
      from.disconnected = true;
      to.disconnected = true;
      to.onDisconnect.dispatch();
    };
  };
  link(client, server);
  link(server, client);
  return { client, server };
}

export interface FakeBrowserOptions {
  id?: string;
  /** `chrome-extension` (Chrome/Edge, XML omnibox) or `moz-extension` (Firefox). */
  scheme?: 'chrome-extension' | 'moz-extension';
  /** How `action.openPopup` behaves: resolves, is missing (older browsers), or rejects. */
  openPopup?: 'ok' | 'missing' | 'rejects';
  /** Whether storage areas offer setAccessLevel (Chrome 140+ for local). */
  setAccessLevel?: boolean;
}

export function createFakeBrowser(opts: FakeBrowserOptions = {}) {
  const id = opts.id ?? 'abcdefghijklmnopabcdefghijklmnop';
  const base = `${opts.scheme ?? 'chrome-extension'}://${id}/`;
  const local = new FakeStorageArea({ accessLevel: opts.setAccessLevel });
  const session = new FakeStorageArea({ accessLevel: opts.setAccessLevel });
  const sync = new FakeStorageArea();
  const granted = new Set<string>();

  const record = {
    tabsCreated: [] as { url: string; active?: boolean }[],
    tabsUpdated: [] as { url: string }[],
    badge: { text: '', color: '', title: '' },
    popupOpens: 0,
    optionsOpens: 0,
    menus: new Map<string, { id: string; title: string; contexts: string[] }>(),
    menuRemoveAlls: 0,
    defaultSuggestion: null as { description: string } | null,
    /** Every pattern passed to `permissions.remove`, in order. */
    permissionRemovals: [] as string[],
  };
  /** What `windows.getLastFocused()` reports; tests flip it to type "in a private window". */
  const focusedWindow = { incognito: false };

  const openPopup = opts.openPopup ?? 'ok';
  const platform: Platform = {
    storage: { local, session },
    permissions: {
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins }) => {
        record.permissionRemovals.push(...origins);
        let removed = false;
        for (const o of origins) removed = granted.delete(o) || removed;
        return removed;
      },
    },
    windows: {
      getLastFocused: async () => ({ ...focusedWindow }),
    },
    runtime: {
      id,
      getURL: (path) => base + path.replace(/^\//, ''),
      openOptionsPage: async () => {
        record.optionsOpens++;
      },
    },
    tabs: {
      create: async (props) => {
        record.tabsCreated.push({ ...props });
        return { id: record.tabsCreated.length };
      },
      update: async (props) => {
        record.tabsUpdated.push({ ...props });
        return {};
      },
    },
    action: {
      setBadgeText: async ({ text }) => {
        record.badge.text = text;
      },
      setBadgeBackgroundColor: async ({ color }) => {
        record.badge.color = color;
      },
      setTitle: async ({ title }) => {
        record.badge.title = title;
      },
      ...(openPopup === 'missing' ? {} : {
        openPopup: async () => {
          if (openPopup === 'rejects') throw new Error('Could not find an active browser window.');
          record.popupOpens++;
        },
      }),
    },
    contextMenus: {
      removeAll: async () => {
        record.menuRemoveAlls++;
        record.menus.clear();
      },
      create: (props) => {
        if (record.menus.has(props.id)) throw new Error(`Cannot create item with duplicate id ${props.id}`);
        record.menus.set(props.id, { ...props, contexts: [...props.contexts] });
      },
    },
    i18n: {
      getMessage,
    },
    omnibox: {
      setDefaultSuggestion: (s) => {
        record.defaultSuggestion = s;
      },
      descriptionsAreXml: (opts.scheme ?? 'chrome-extension') === 'chrome-extension',
    },
  };

  const events = {
    onMessage: new FakeEvent<(message: unknown, sender: unknown) => unknown>(),
    onConnect: new FakeEvent<(port: FakePortEnd) => void>(),
    onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
    onStartup: new FakeEvent<() => void>(),
    menuClicked: new FakeEvent<(info: unknown, tab?: unknown) => void>(),
    omniboxStarted: new FakeEvent<() => void>(),
    omniboxChanged: new FakeEvent<(text: string, suggest: (s: unknown[]) => void) => void>(),
    omniboxEntered: new FakeEvent<(text: string, disposition: string) => void>(),
    permissionsRemoved: new FakeEvent<(p: unknown) => void>(),
    permissionsAdded: new FakeEvent<(p: unknown) => void>(),
  };

  /** Shaped like `browser.*` for `index.ts` (through webextension-polyfill, which returns an existing `browser`). */
  const namespace = {
    runtime: {
      ...platform.runtime,
      onMessage: events.onMessage,
      onConnect: events.onConnect,
      onInstalled: events.onInstalled,
      onStartup: events.onStartup,
    },
    storage: { local, session, sync },
    permissions: {
      ...platform.permissions,
      onRemoved: events.permissionsRemoved,
      onAdded: events.permissionsAdded,
    },
    tabs: platform.tabs,
    windows: platform.windows,
    action: platform.action,
    contextMenus: { ...platform.contextMenus, onClicked: events.menuClicked },
    i18n: platform.i18n,
    omnibox: {
      setDefaultSuggestion: platform.omnibox.setDefaultSuggestion,
      onInputStarted: events.omniboxStarted,
      onInputChanged: events.omniboxChanged,
      onInputEntered: events.omniboxEntered,
    },
  };

  return {
    platform,
    namespace,
    events,
    storage: { local, session, sync },
    record,
    /** The extension origin as `sender.origin` carries it. */
    origin: base.replace(/\/$/, ''),
    id,
    grant(pattern: string) {
      granted.add(pattern);
    },
    revoke(pattern: string) {
      granted.delete(pattern);
    },
    /** The host patterns granted right now, sorted. */
    granted(): string[] {
      return [...granted].sort();
    },
    focusedWindow,
    /** The worker is stopped: its listeners (and all its memory) are gone; storage stays. */
    stopWorker() {
      for (const event of Object.values(events)) event.clearListeners();
    },
    /** A browser restart: storage.session is emptied, everything else stays. */
    restartBrowser() {
      session.clear();
    },
    /** A sender as Chrome reports our popup. */
    popupSender(): Record<string, unknown> {
      return { id, url: `${base}src/popup/index.html`, origin: base.replace(/\/$/, '') };
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
