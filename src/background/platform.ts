/**
 * The slice of the extension API the worker uses, as one small interface.
 *
 * Everything below `index.ts` receives a `Platform` instead of importing `webextension-polyfill`, so the
 * same code runs against the real browser (through `browser-platform.ts`) and against the in-memory fake in
 * unit tests (`src/shared/test-support/fake-browser.ts`). Optional members are features some browsers lack; callers
 * feature-detect them.
 */
import type { SpaceApi, SpaceClientOptions } from '../space/api.ts';

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chrome 102+ for session, 140+ for local; absent in Firefox. */
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

export interface MenuCreateProperties {
  id: string;
  title: string;
  contexts: ['selection'];
}

export interface AlarmLike {
  name: string;
  /** Epoch ms of the next wake-up. */
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface Platform {
  storage: {
    local: StorageAreaLike;
    session: StorageAreaLike;
    /** Read-only, set by the organization's policy (policy.ts). Absent where the browser has none. */
    managed?: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
  };
  /**
   * "Sign in with Space". In Chrome `identity` is an optional permission: absent until the options page has
   * been granted it (read at call time, never cached). Firefox declares it.
   */
  readonly identity?: {
    getRedirectURL(): string;
    /** Rejects when the user closes the window ("The user did not approve access." / "User cancelled or denied access."). */
    launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string>;
  };
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    /**
     * Gives host access (`origins`) or an optional API permission (`permissions`: `identity`) back, no user gesture
     * needed; resolves false when nothing was removed.
     */
    remove(permissions: { origins?: string[]; permissions?: 'identity'[] }): Promise<boolean>;
  };
  runtime: {
    readonly id: string;
    getURL(path: string): string;
    openOptionsPage(): Promise<void>;
  };
  tabs: {
    create(props: { url: string; active?: boolean }): Promise<unknown>;
    /** Without a tab id: the current tab. Needs no `tabs` permission for a plain navigation. */
    update(props: { url: string }): Promise<unknown>;
  };
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
    /** Chrome 127+, Firefox; may reject (no focused window, no user gesture in older Firefox). */
    openPopup?(): Promise<void>;
  };
  /**
   * The schedule of the opt-in toolbar count (waiting-alarm.ts). Alarms outlive the worker and, in Chrome, a
   * browser restart; `create` with an existing name replaces that alarm.
   */
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number; when?: number }): Promise<void>;
    get(name: string): Promise<AlarmLike | undefined>;
    /** Resolves whether an alarm was cleared. */
    clear(name: string): Promise<boolean>;
  };
  contextMenus: {
    removeAll(): Promise<void>;
    create(props: MenuCreateProperties): void;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
  };
  /**
   * Only to learn whether the address bar being typed in belongs to a private window (the omnibox events
   * don't say). Absent on Firefox for Android.
   */
  windows?: {
    getLastFocused(): Promise<{ incognito: boolean }>;
  };
  omnibox: {
    setDefaultSuggestion(suggestion: { description: string }): void;
    /** Chrome parses suggestion descriptions as XML (`<match>`, `<dim>`, `<url>`); Firefox shows plain text. */
    readonly descriptionsAreXml: boolean;
  };
}

/** What every handler gets: the platform, how to make a Space client, and the clock. */
export interface Deps {
  platform: Platform;
  createClient(options: SpaceClientOptions): SpaceApi;
  now(): number;
}

/** `chrome-extension://<id>` / `moz-extension://<uuid>`: the string `sender.origin` carries for our pages. */
export function ownOriginOf(platform: Platform): string {
  return platform.runtime.getURL('').replace(/\/$/, '');
}
