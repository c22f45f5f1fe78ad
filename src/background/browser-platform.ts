/**
 * The real browser behind the `Platform` interface: `webextension-polyfill` (Promise-based in Chrome, the
 * native `browser` in Firefox event pages), with feature detection for what not every browser has
 * (`action.openPopup`, `storage.*.setAccessLevel`).
 */
import type { Browser } from 'webextension-polyfill';
import type { Platform, StorageAreaLike } from './platform.ts';

type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };

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
    storage: { local: storageArea(browser.storage.local), session: storageArea(browser.storage.session) },
    permissions: {
      contains: (p) => browser.permissions.contains(p),
      remove: (p) => browser.permissions.remove(p),
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
