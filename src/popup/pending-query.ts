import browser from '../shared/browser.ts';
import type { Storage } from 'webextension-polyfill';
import { PENDING_QUERY_KEY } from '../shared/storage-keys.ts';
import { freshPendingQuery } from './prefill.ts';

/**
 * The context-menu handler may leave its query in storage.session just after the popup opened
 * (openPopup resolves before the write lands in some browsers). Calls `onQuery` with each fresh one,
 * consuming it. Returns the unsubscribe.
 */
export function watchPendingQuery(onQuery: (query: string) => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = area === 'session' ? changes[PENDING_QUERY_KEY] : undefined;
    const query = change ? freshPendingQuery(change.newValue, Date.now()) : null;
    if (query === null) return;
    void browser.storage.session.remove(PENDING_QUERY_KEY).catch(() => undefined);
    onQuery(query);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
