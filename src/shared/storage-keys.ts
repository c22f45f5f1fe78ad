/**
 * Storage keys that one context writes and another reads straight from storage, without a worker round trip (the
 * worker may be asleep when the popup opens): one home for each, so writer and reader can't drift apart.
 */

/** `storage.session`: what the popup painted last (`LastView`, last-view.ts), painted again in its first frame. */
export const LAST_VIEW_KEY = 'lastView';

/**
 * `storage.session`: where the context-menu handler leaves the selection (`PendingQuery`, protocol.ts) before
 * `action.openPopup()`. The popup reads it on open (and via storage.onChanged, in case it opened first), uses it if
 * younger than PENDING_QUERY_MAX_AGE_MS, and removes it. When openPopup is unavailable the popup page opens in a tab
 * with `?q=<query>` instead.
 */
export const PENDING_QUERY_KEY = 'pendingQuery';

/**
 * `storage.local`: the connection record (its type is the worker's own, src/background/connection-store.ts). The
 * popup reads it beside the last view, for one field: the connection's `id` (`connectionIdOf`).
 */
export const CONNECTION_KEY = 'connection';

/** The `id` of a stored connection record, or null when there is none (or it has no id). */
export function connectionIdOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}
