/**
 * Popup entry. Reads the one storage key it needs BEFORE the first render, so the last query and its
 * results are painted in the first frame — the worker may still be asleep; it is asked in parallel.
 */
import browser from '../shared/browser.ts';
import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import { LAST_VIEW_KEY } from '../shared/last-view.ts';
import { PENDING_QUERY_KEY } from '../shared/protocol.ts';
import { App } from './App.tsx';
import { choosePrefill } from './prefill.ts';
import { resultsFromLastView } from './results.ts';
import '../shared/ui/theme.css';
import './popup.css';

async function start(): Promise<void> {
  const status = ask({ type: 'status' });
  const stored = await browser.storage.session.get([LAST_VIEW_KEY, PENDING_QUERY_KEY]).catch(() => ({}));
  const prefill = choosePrefill(location.search, stored, PENDING_QUERY_KEY, LAST_VIEW_KEY, Date.now());
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
