import type { Platform } from './platform.ts';

/**
 * Whether the window the user is acting in is private, for events that don't say (the address bar's omnibox
 * events carry no tab or window): the last focused window is the one being typed in. Unknown counts as
 * private — the cost is a search without the cache, never a query in storage.
 */
export async function inPrivateWindow(platform: Platform): Promise<boolean> {
  if (!platform.windows) return false; // Firefox for Android: no windows API, and no address-bar keyword.
  try {
    return (await platform.windows.getLastFocused()).incognito === true;
  } catch {
    return true;
  }
}
