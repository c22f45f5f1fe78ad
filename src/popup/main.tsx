/**
 * Popup entry. Reads what it needs BEFORE the first render — the last view, the empty box's lists, the stored
 * connection's id (a view or list of another connection is not shown), whether this is a private window (then
 * neither) — in parallel, and whether this page is a tab rather than the toolbar popup (synchronously), so the last query and its
 * results, or the empty box's lists, are painted in the first frame with no request. The worker may still be
 * asleep; it is asked in parallel.
 */
import browser from '../shared/browser.ts';
import { render } from 'preact';
import { HOME_KEYS } from '../shared/home.ts';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import { CONNECTION_KEY, LAST_VIEW_KEY, PENDING_QUERY_KEY, connectionIdOf } from '../shared/storage-keys.ts';
import { App } from './App.tsx';
import { readHome } from './home-lists.ts';
import { choosePrefill } from './prefill.ts';
import { detectPrivateWindow } from './private-window.ts';
import { resultsFromLastView } from './results.ts';
// One stylesheet (it @imports the shared theme): one render-blocking request, the same for the blank page.
import './popup.css';

const none = (): Record<string, unknown> => ({});

/**
 * This page is a tab (the context menu's fallback, or opened by hand), not the toolbar popup: the browser lists the
 * toolbar popup among the extension's 'popup' views. Synchronous, so the first frame waits for no round trip to the
 * browser (tabs.getCurrent was one). Where the API is missing (Firefox for Android), the page is taken for the popup.
 */
function openedInTab(): boolean {
  try {
    return !browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  // The reads the first frame waits for go out first; the worker (which may have to start) is asked after them.
  const reads = Promise.all([
    browser.storage.session.get([LAST_VIEW_KEY, PENDING_QUERY_KEY, ...HOME_KEYS]).catch(none),
    browser.storage.local.get([CONNECTION_KEY, ...HOME_KEYS]).catch(none),
    detectPrivateWindow(),
  ]);
  const status = ask({ type: 'status' });
  const [session, local, privateWindow] = await reads;
  const inTab = openedInTab();
  const connection = privateWindow ? null : connectionIdOf(local[CONNECTION_KEY]);
  const prefill = choosePrefill(location.search, session, PENDING_QUERY_KEY, LAST_VIEW_KEY, Date.now(), connection, inTab);
  if (prefill.consumedPending) void browser.storage.session.remove(PENDING_QUERY_KEY).catch(() => undefined);

  document.documentElement.lang = t('htmlLang');
  // Seen when the popup page opens in a tab (context-menu fallback); the HTML's own title is not localized.
  document.title = t('extName');
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <App
      boot={{
        query: prefill.query, filter: prefill.filter, results: resultsFromLastView(prefill.view), status,
        home: readHome([session, local], connection), connection, inTab,
      }}
    />,
    root,
  );
}

void start();
