/**
 * The only ways the worker opens tabs: a Space link checked against the stored origin, or our own popup page
 * with a query. Nothing taken from a page, a selection or a Space response is opened unchecked.
 */
import { isSameOriginUrl } from '../space/same-origin.ts';
import type { Platform } from './platform.ts';

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

const POPUP_PAGE = 'src/popup/index.html';

/** The popup page as a tab, prefilled: `?q=` is how it learns the query when `action.openPopup` is missing. */
function popupPageUrl(platform: Platform, query: string): string {
  const base = platform.runtime.getURL(POPUP_PAGE);
  return query === '' ? base : `${base}?q=${encodeURIComponent(query)}`;
}

async function open(platform: Platform, url: string, disposition: Disposition): Promise<void> {
  if (disposition === 'currentTab') await platform.tabs.update({ url });
  else await platform.tabs.create({ url, active: disposition === 'newForegroundTab' });
}

/** Opens `url` only if it is plain http(s) on exactly `origin`; returns whether it did. */
export async function openSpaceUrl(
  platform: Platform,
  url: string,
  origin: string,
  disposition: Disposition = 'newForegroundTab',
): Promise<boolean> {
  if (!isSameOriginUrl(url, origin)) return false;
  await open(platform, url, disposition);
  return true;
}

export async function openPopupPage(
  platform: Platform,
  query: string,
  disposition: Disposition = 'newForegroundTab',
): Promise<void> {
  await open(platform, popupPageUrl(platform, query), disposition);
}
