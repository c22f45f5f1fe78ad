/**
 * The real browser behind the `Platform` interface: `webextension-polyfill` (Promise-based in Chrome, the
 * native `browser` in Firefox event pages), with feature detection for what not every browser has
 * (`action.openPopup`, `storage.*.setAccessLevel`).
 */
import type { Browser } from 'webextension-polyfill';
import type { Platform, StorageAreaLike } from './platform.ts';

type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };

interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

/**
 * The browser's own identity namespace, looked up at each use: in Chrome it appears only once the optional
 * permission is granted (the polyfill would have cached its absence). Promise-based in Chrome MV3 and Firefox.
 */
function identityApi(): IdentityApi | undefined {
  const scope = globalThis as unknown as { browser?: { identity?: IdentityApi }; chrome?: { identity?: IdentityApi } };
  const api = scope.browser?.identity ?? scope.chrome?.identity;
  return typeof api?.launchWebAuthFlow === 'function' && typeof api.getRedirectURL === 'function' ? api : undefined;
}

function storageArea(area: Browser['storage']['local']): StorageAreaLike {
  const withLevel = area as unknown as AccessLevelArea;
  const setAccessLevel = withLevel.setAccessLevel;
  return {
    get: (keys) => area.get(keys ?? null),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    ...(typeof setAccessLevel === 'function'
      ? { setAccessLevel: (o) => Promise.resolve(setAccessLevel.call(withLevel, o)) }
      : {}),
  };
}

export function browserPlatform(browser: Browser): Platform {
  const action = browser.action;
  const openPopup = typeof action?.openPopup === 'function' ? () => action.openPopup() : undefined;
  return {
    storage: {
      local: storageArea(browser.storage.local),
      session: storageArea(browser.storage.session),
      ...(browser.storage.managed ? { managed: { get: (keys) => browser.storage.managed.get(keys ?? null) } } : {}),
    },
    get identity() {
      const api = identityApi();
      if (!api) return undefined;
      return {
        getRedirectURL: () => api.getRedirectURL(),
        launchWebAuthFlow: async (details: { url: string; interactive: boolean }) => {
          const url = await api.launchWebAuthFlow(details);
          if (typeof url !== 'string') throw new Error('launchWebAuthFlow gave no URL');
          return url;
        },
      };
    },
    permissions: {
      contains: (p) => browser.permissions.contains(p),
      // The polyfill's typings predate `identity` as an optional permission (src/options/sign-in.ts casts it too).
      remove: (p) => browser.permissions.remove(p as Parameters<Browser['permissions']['remove']>[0]),
    },
    runtime: {
      get id() { return browser.runtime.id; },
      getURL: (path) => browser.runtime.getURL(path),
      openOptionsPage: () => browser.runtime.openOptionsPage(),
    },
    tabs: {
      create: (props) => browser.tabs.create(props),
      update: (props) => browser.tabs.update(props),
    },
    action: {
      setBadgeText: (d) => action.setBadgeText(d),
      setBadgeBackgroundColor: (d) => action.setBadgeBackgroundColor(d),
      setTitle: (d) => action.setTitle(d),
      ...(openPopup ? { openPopup } : {}),
    },
    alarms: {
      // The polyfill passes `create` through: Chrome 111+ and Firefox return a Promise.
      create: async (name, info) => { await browser.alarms.create(name, info); },
      get: async (name) => (await browser.alarms.get(name)) ?? undefined,
      clear: (name) => browser.alarms.clear(name),
    },
    contextMenus: {
      removeAll: () => browser.contextMenus.removeAll(),
      create: (props) => {
        // The callback reads lastError so a failure is not logged as "Unchecked runtime.lastError".
        browser.contextMenus.create(props, () => void (globalThis as { chrome?: typeof chrome }).chrome?.runtime?.lastError);
      },
    },
    i18n: { getMessage: (key, subs) => browser.i18n.getMessage(key, subs) },
    ...(typeof browser.windows?.getLastFocused === 'function'
      ? { windows: { getLastFocused: () => browser.windows.getLastFocused() } }
      : {}),
    omnibox: {
      setDefaultSuggestion: (s) => browser.omnibox.setDefaultSuggestion(s),
      descriptionsAreXml: browser.runtime.getURL('').startsWith('chrome-extension:'),
    },
  };
}
