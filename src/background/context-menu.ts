/**
 * "Search Space for “%s”" on selected text. The selection comes from a web page and is treated as data:
 * single line, control and invisible characters removed, capped at LIMITS.query.
 *
 *  - It holds an issue/review key and a connection exists → that item opens directly; its URL is built from
 *    the key against the stored origin, no API call needed.
 *  - Otherwise the popup opens prefilled: the query waits in storage.session (PENDING_QUERY_KEY) and
 *    `action.openPopup()` is called in the same task as the click (Firefox only allows it while handling the
 *    user action); where that is missing or refused, the popup page opens in a tab with `?q=` — except for a
 *    selection in a private window: our pages can't open there ("spanning" mode), and a normal window's tab
 *    would take the private selection into that window's history and our cache.
 */
import type { PendingQuery } from '../shared/protocol.ts';
import { PENDING_QUERY_KEY } from '../shared/storage-keys.ts';
import { sanitizeQuery } from '../shared/query.ts';
import { findKeyInText, MAX_KEY_SCAN, type EntityKey } from '../space/keys.ts';
import { issueUrl } from '../kinds/issue/web-url.ts';
import { reviewUrl } from '../kinds/review/web-url.ts';
import { readConnection } from './connection-store.ts';
import { openPopupPage, openSpaceUrl } from './open-tab.ts';
import type { Deps, Platform } from './platform.ts';

export const MENU_ID = 'space-lookup-search';

/** Called from runtime.onInstalled: menus persist across worker restarts, creating them again would throw. */
export async function createContextMenu(platform: Platform): Promise<void> {
  await platform.contextMenus.removeAll();
  const title = platform.i18n.getMessage('bg_contextMenuSearch');
  platform.contextMenus.create({ id: MENU_ID, title, contexts: ['selection'] });
}

export interface MenuClickInfo {
  menuItemId?: unknown;
  selectionText?: unknown;
}

/** The tab the menu was used in (`contextMenus.onClicked`'s second argument); only `incognito` is read. */
export interface MenuClickTab {
  incognito?: unknown;
}

export function handleContextMenuClick(deps: Deps, info: MenuClickInfo, tab?: MenuClickTab): Promise<void> {
  if (info.menuItemId !== MENU_ID) return Promise.resolve();
  const selection = typeof info.selectionText === 'string' ? info.selectionText : '';
  // A key is looked for in much more of a long selection than the query keeps.
  const key = findKeyInText(sanitizeQuery(selection, MAX_KEY_SCAN));
  const query = sanitizeQuery(selection);
  const privateWindow = tab?.incognito === true;
  return key ? openKeyOrSearch(deps, key, query, privateWindow) : openSearch(deps, query, privateWindow);
}

async function openKeyOrSearch(deps: Deps, key: EntityKey, query: string, privateWindow: boolean): Promise<void> {
  const { record, token } = await readConnection(deps.platform);
  if (record && token !== null) {
    const url = key.kind === 'issue'
      ? issueUrl(record.origin, key.projectKey, key.number)
      : reviewUrl(record.origin, key.projectKey, key.number);
    if (await openSpaceUrl(deps.platform, url, record.origin)) return;
  }
  await openSearch(deps, query, privateWindow);
}

function openSearch(deps: Deps, query: string, privateWindow: boolean): Promise<void> {
  const { platform } = deps;
  const pending: PendingQuery = { query, at: deps.now() };
  // Both calls start in this task, the write first: openPopup must not wait for an await (user-action rule),
  // and the popup, which reads the key after it has loaded, finds it written.
  const stored = platform.storage.session.set({ [PENDING_QUERY_KEY]: pending });
  let opened: Promise<void>;
  try {
    opened = typeof platform.action.openPopup === 'function'
      ? platform.action.openPopup()
      : Promise.reject(new Error('action.openPopup is not supported'));
  } catch (e) {
    opened = Promise.reject(e);
  }
  return Promise.allSettled([stored, opened]).then(async ([, popup]) => {
    if (popup.status === 'fulfilled') return;
    // The tab gets the query in its URL; a leftover pending query would reappear in the next popup.
    await platform.storage.session.remove(PENDING_QUERY_KEY).catch(() => undefined);
    if (!privateWindow) await openPopupPage(platform, query);
  });
}
