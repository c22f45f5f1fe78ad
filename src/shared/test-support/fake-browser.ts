/**
 * The one in-memory FAKE of the extension APIs, for unit tests of the worker and of the pages — because a real
 * browser is impractical at unit level. It is not a mock: storage areas keep data with the browser's semantics
 * (values cloned through JSON as Chrome does, `undefined` values ignored, `get(null)` returns everything) and
 * report changes to `storage.onChanged`, host permissions are a real set of granted patterns, ports come in
 * connected pairs, and events call their listeners. It also records what a test needs to see (tabs opened, badge,
 * menus, every storage write), and the calls pages make are `vi.fn` spies a test may script.
 *
 * The end-to-end suite (e2e/) runs the real extension in real Chromium; this fake only serves unit tests.
 * Its parts: storage areas (fake-storage.ts), events (fake-event.ts), ports (fake-ports.ts) and the sign-in window
 * (fake-auth-window.ts); this file puts them together as the worker's and the pages' `browser`.
 *
 *  - Worker tests: `createFakeBrowser()`; `fake.platform` is what handlers get, `fake.namespace` imitates the
 *    `browser.*` object (events included) for importing `src/background/index.ts` itself.
 *  - Page tests: `fakeBrowser`, the same fake as the pages' `browser` (src/shared/browser.ts), with
 *      vi.mock('<relative path>/browser.ts', async () => (await import('…/fake-browser.ts')).polyfillModule());
 *    `fakeBrowser.port` is the page's end of the last port it opened: `sent` (what the page posted), `deliver()`
 *    (the worker answers), `drop()` (the worker went away).
 */
import { vi } from 'vitest';
import { runAuthWindow, runSilently, type AuthWindowAction } from './fake-auth-window.ts';
import { FakeEvent } from './fake-event.ts';
import { createPortPair, pagePort, type FakePortEnd, type PagePort } from './fake-ports.ts';
import { FakeStorageArea, type StorageChanges } from './fake-storage.ts';
import { getMessage } from './messages.ts';

/** What `runtime.sendMessage` answers in a page test without a worker (tests script it instead). */
const NO_WORKER = { ok: false, error: { code: 'internal' } };

export interface FakeBrowserOptions {
  id?: string;
  /** `chrome-extension` (Chrome/Edge, XML omnibox) or `moz-extension` (Firefox). */
  scheme?: 'chrome-extension' | 'moz-extension';
  /** How `action.openPopup` behaves: resolves, is missing (older browsers), or rejects. */
  openPopup?: 'ok' | 'missing' | 'rejects';
  /** Whether storage areas offer setAccessLevel (Chrome 140+ for local). */
  setAccessLevel?: boolean;
  /** Managed storage (policy) values; null: the browser has none for the extension (reads reject, as in Firefox). */
  managed?: Record<string, unknown> | null;
}

export function createFakeBrowser(opts: FakeBrowserOptions = {}) {
  const id = opts.id ?? 'abcdefghijklmnopabcdefghijklmnop';
  const base = `${opts.scheme ?? 'chrome-extension'}://${id}/`;
  /**
   * `storage.onChanged`, one event for every area as in the browser: pages listen to it, and so does the worker
   * (area `managed` only), so `stopWorker` clears it too (`events.storageChanged`).
   */
  const storageChanged = new FakeEvent<(changes: StorageChanges, area: string) => void>();
  const local = new FakeStorageArea({ accessLevel: opts.setAccessLevel, onChange: (c) => storageChanged.dispatch(c, 'local') });
  const session = new FakeStorageArea({ accessLevel: opts.setAccessLevel, onChange: (c) => storageChanged.dispatch(c, 'session') });
  const sync = new FakeStorageArea({ onChange: (c) => storageChanged.dispatch(c, 'sync') });
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
    /** Every API permission (`identity`) passed to `permissions.remove`, in order. */
    apiPermissionRemovals: [] as string[],
    /** The alarms set now, by name; like the browser's, they outlive a stopped worker. */
    alarms: new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>(),
    /** Every `alarms.create`, in order (a test sees an alarm re-created, not only that one exists). */
    alarmCreates: [] as { name: string; delayInMinutes?: number; periodInMinutes?: number; when?: number }[],
  };
  /** What `windows.getLastFocused()` reports; tests flip it to type "in a private window". */
  const focusedWindow = { incognito: false };
  /** `identity`: granted (Chrome's optional permission) or not; what the user does in the auth window. */
  const auth = {
    granted: true,
    action: 'approve' as AuthWindowAction,
    /** Every URL an auth window was opened with. */
    windows: [] as string[],
    /** Every URL of a non-interactive flow (no window). */
    silent: [] as string[],
    /** Stands in for the browser's non-interactive run (gets the URL, returns the final URL); null: the real server. */
    silentAction: null as ((url: string) => Promise<string>) | null,
  };
  let managed: Record<string, unknown> | null = opts.managed === undefined ? null : opts.managed;
  const redirectUri = `https://${id}.chromiumapp.org/`;

  const openPopup = opts.openPopup ?? 'ok';
  // Typed where it is used (Deps.platform): src/shared may not import the worker's Platform.
  const platform = {
    storage: {
      local,
      session,
      managed: {
        get: async () => {
          if (managed === null) throw new Error('Managed storage manifest not found');
          return JSON.parse(JSON.stringify(managed)) as Record<string, unknown>;
        },
      },
    },
    get identity() {
      if (!auth.granted) return undefined;
      return {
        getRedirectURL: () => redirectUri,
        launchWebAuthFlow: async ({ url, interactive }: { url: string; interactive: boolean }) => {
          if (!interactive) {
            auth.silent.push(url);
            return auth.silentAction ? auth.silentAction(url) : runSilently(url, redirectUri);
          }
          auth.windows.push(url);
          const action = auth.action;
          return typeof action === 'function' ? action(url) : runAuthWindow(url, redirectUri, action);
        },
      };
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) => {
        record.permissionRemovals.push(...origins);
        record.apiPermissionRemovals.push(...permissions);
        let removed = false;
        for (const o of origins) removed = granted.delete(o) || removed;
        if (permissions.includes('identity') && auth.granted) {
          auth.granted = false;
          removed = true;
        }
        return removed;
      },
    },
    windows: {
      getLastFocused: async () => ({ ...focusedWindow }),
      /** The pages' own window (src/popup/private-window.ts). */
      getCurrent: async () => ({ ...focusedWindow }),
    },
    runtime: {
      id,
      getURL: (path: string) => base + path.replace(/^\//, ''),
      openOptionsPage: vi.fn(async () => {
        record.optionsOpens++;
      }),
    },
    tabs: {
      create: vi.fn(async (props: { url: string; active?: boolean }) => {
        record.tabsCreated.push({ ...props });
        return { id: record.tabsCreated.length };
      }),
      update: async (props: { url: string }) => {
        record.tabsUpdated.push({ ...props });
        return {};
      },
    },
    action: {
      setBadgeText: async ({ text }: { text: string }) => {
        record.badge.text = text;
      },
      setBadgeBackgroundColor: async ({ color }: { color: string }) => {
        record.badge.color = color;
      },
      setTitle: async ({ title }: { title: string }) => {
        record.badge.title = title;
      },
      ...(openPopup === 'missing' ? {} : {
        openPopup: async () => {
          if (openPopup === 'rejects') throw new Error('Could not find an active browser window.');
          record.popupOpens++;
        },
      }),
    },
    alarms: {
      create: async (name: string, info: { delayInMinutes?: number; periodInMinutes?: number; when?: number }) => {
        record.alarmCreates.push({ name, ...info });
        const delayMin = info.delayInMinutes ?? info.periodInMinutes ?? 0;
        const scheduledTime = info.when ?? Date.now() + delayMin * 60_000;
        record.alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes === undefined ? {} : { periodInMinutes: info.periodInMinutes }) });
      },
      get: async (name: string) => {
        const alarm = record.alarms.get(name);
        return alarm ? { ...alarm } : undefined;
      },
      clear: async (name: string) => record.alarms.delete(name),
    },
    contextMenus: {
      removeAll: async () => {
        record.menuRemoveAlls++;
        record.menus.clear();
      },
      create: (props: { id: string; title: string; contexts: string[] }) => {
        if (record.menus.has(props.id)) throw new Error(`Cannot create item with duplicate id ${props.id}`);
        record.menus.set(props.id, { ...props, contexts: [...props.contexts] });
      },
    },
    i18n: {
      getMessage: vi.fn(getMessage),
      getUILanguage: () => 'en',
    },
    omnibox: {
      setDefaultSuggestion: (s: { description: string }) => {
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
    alarm: new FakeEvent<(alarm: { name: string; scheduledTime: number; periodInMinutes?: number }) => void>(),
    storageChanged,
  };

  const pageSender = () => ({ id, url: `${base}src/popup/index.html`, origin: base.replace(/\/$/, '') });
  /** Every port a page opened, oldest first. */
  const pagePorts: PagePort[] = [];

  /**
   * Shaped like `browser.*`: for `index.ts` (through webextension-polyfill, which returns an existing `browser`) and
   * for the pages. A page's message or port reaches the worker's listeners when a test has loaded the worker.
   */
  const namespace = {
    runtime: {
      ...platform.runtime,
      onMessage: events.onMessage,
      onConnect: events.onConnect,
      onInstalled: events.onInstalled,
      onStartup: events.onStartup,
      sendMessage: vi.fn(async (message: unknown): Promise<unknown> => {
        const copy: unknown = JSON.parse(JSON.stringify(message));
        const answers = events.onMessage.dispatch(copy, pageSender()).filter((a) => a instanceof Promise);
        if (answers.length === 0) return NO_WORKER;
        return JSON.parse(JSON.stringify(await answers[0]) ?? 'null') as unknown;
      }),
      connect: vi.fn(({ name }: { name: string }): PagePort => {
        const pair = createPortPair(name, pageSender());
        const port = pagePort(pair);
        pagePorts.push(port);
        events.onConnect.dispatch(pair.server);
        return port;
      }),
      /** As the Chrome build declares it: `identity` optional ("Sign in with Space"). */
      getManifest: vi.fn(() => ({ optional_permissions: ['identity'] as string[] })),
    },
    storage: { local, session, sync, managed: platform.storage.managed, onChanged: storageChanged },
    permissions: {
      ...platform.permissions,
      /** The user grants what the page asks (tests script a refusal with `mockResolvedValue(false)`). */
      request: vi.fn(async ({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) => {
        for (const o of origins) granted.add(o);
        if (permissions.includes('identity')) auth.granted = true;
        return true;
      }),
      onRemoved: events.permissionsRemoved,
      onAdded: events.permissionsAdded,
    },
    tabs: platform.tabs,
    windows: platform.windows,
    action: platform.action,
    contextMenus: { ...platform.contextMenus, onClicked: events.menuClicked },
    alarms: { ...platform.alarms, onAlarm: events.alarm },
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
    pagePorts,
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
    /** "Sign in with Space": set `auth.action` for what the user does in the auth window, `auth.granted` for identity. */
    auth,
    redirectUri,
    /**
     * Sets the managed (policy) values; null: none. Like Chrome after a policy reload, it reports the keys that
     * changed to `storage.onChanged` with area `managed` (synchronously here, as the other areas do).
     */
    setManaged(values: Record<string, unknown> | null) {
      const before = managed ?? {};
      const after = values ?? {};
      managed = values;
      const changes: StorageChanges = {};
      for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
        changes[k] = { ...(k in before ? { oldValue: before[k] } : {}), ...(k in after ? { newValue: after[k] } : {}) };
      }
      if (Object.keys(changes).length > 0) storageChanged.dispatch(changes, 'managed');
    },
    /**
     * The browser wakes the worker for alarm `name` (it must be set): its listeners run, a one-shot alarm is gone.
     * Returns what the listeners returned.
     */
    fireAlarm(name: string): unknown[] {
      const alarm = record.alarms.get(name);
      if (!alarm) throw new Error(`no alarm ${name}`);
      if (alarm.periodInMinutes === undefined) record.alarms.delete(name);
      else record.alarms.set(name, { ...alarm, scheduledTime: alarm.scheduledTime + alarm.periodInMinutes * 60_000 });
      return events.alarm.dispatch({ ...alarm });
    },
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
      return pageSender();
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

// ---- the pages' `browser` in page tests -------------------------------------------------------------------------

function pageBrowser() {
  const fake = createFakeBrowser({ id: 'test-extension' });
  return {
    ...fake.namespace,
    /** The fake behind it: records, events, grants. */
    fake,
    ports: fake.pagePorts,
    /** As if another context (the worker) wrote to storage.session. */
    emitSession(key: string, value: unknown): void {
      void fake.storage.session.set({ [key]: value });
    },
  };
}

type PageBrowser = ReturnType<typeof pageBrowser> & {
  /** A fresh fake, in place: modules that imported the object keep seeing the live one. */
  reset(): void;
  /** The page's end of the port it opened last. */
  readonly port: PagePort;
};

/** The one instance the mocked module exports. */
export const fakeBrowser = pageBrowser() as PageBrowser;
Object.defineProperties(fakeBrowser, {
  reset: { value: () => void Object.assign(fakeBrowser, pageBrowser()) },
  port: {
    get: () => {
      const port = fakeBrowser.ports.at(-1);
      if (!port) throw new Error('no port opened');
      return port;
    },
  },
});

export function polyfillModule() {
  return { default: fakeBrowser };
}
