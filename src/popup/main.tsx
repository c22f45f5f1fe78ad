/**
 * Popup entry. Reads what it needs BEFORE the first render — the last view, the stored connection's id (a
 * view of another connection is not shown) and whether this is a private window (then no last view at
 * all), in parallel — so the last query and its results are painted in the first frame. The worker may
 * still be asleep; it is asked in parallel.
 */
import browser from '../shared/browser.ts';
import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import { CONNECTION_KEY, LAST_VIEW_KEY, PENDING_QUERY_KEY, connectionIdOf } from '../shared/storage-keys.ts';
import { App } from './App.tsx';
import { choosePrefill } from './prefill.ts';
import { detectPrivateWindow } from './private-window.ts';
import { resultsFromLastView } from './results.ts';
// One stylesheet (it @imports the shared theme): one render-blocking request, the same for the blank page.
import './popup.css';

async function start(): Promise<void> {
  // The reads the first frame waits for go out first; the worker (which may have to start) is asked after them.
  const reads = Promise.all([
    browser.storage.session.get([LAST_VIEW_KEY, PENDING_QUERY_KEY]).catch(() => ({})),
    browser.storage.local.get(CONNECTION_KEY).catch((): Record<string, unknown> => ({})),
    detectPrivateWindow(),
  ]);
  const status = ask({ type: 'status' });
  const [stored, local, privateWindow] = await reads;
  const connection = privateWindow ? null : connectionIdOf(local[CONNECTION_KEY]);
  const prefill = choosePrefill(location.search, stored, PENDING_QUERY_KEY, LAST_VIEW_KEY, Date.now(), connection);
  if (prefill.consumedPending) void browser.storage.session.remove(PENDING_QUERY_KEY).catch(() => undefined);

  document.documentElement.lang = t('htmlLang');
  // Seen when the popup page opens in a tab (context-menu fallback); the HTML's own title is not localized.
  document.title = t('extName');
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <App boot={{ query: prefill.query, filter: prefill.filter, results: resultsFromLastView(prefill.view), status }} />,
    root,
  );
}

void start();
