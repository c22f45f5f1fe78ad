/**
 * Where the popup's first query comes from: `?q=` when the context menu had to open the popup page in a
 * tab, else a fresh hand-over from the context-menu handler in storage.session, else the last view — only
 * when it belongs to the stored connection (a view written for a forgotten or replaced token is not shown).
 */
import { ALL_KINDS, type EntityKind, type Filter } from '../shared/kinds.ts';
import { LIMITS, PENDING_QUERY_MAX_AGE_MS } from '../shared/protocol.ts';
import type { LastView } from '../shared/last-view.ts';
import { singleLine } from '../shared/ui/text.ts';

const sanitizeQuery = (text: string) => singleLine(text, LIMITS.query);

/** The pending query if it is well-formed and recent enough to be the click that opened this popup. */
export function freshPendingQuery(value: unknown, now: number): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { query, at } = value as { query?: unknown; at?: unknown };
  if (typeof query !== 'string' || typeof at !== 'number') return null;
  const age = now - at;
  if (age < 0 || age > PENDING_QUERY_MAX_AGE_MS) return null;
  const clean = sanitizeQuery(query);
  return clean === '' ? null : clean;
}

/**
 * A stored last view, if it has the expected shape (storage outlives code changes within a session) and
 * belongs to `connection`, the id of the stored connection (null: none, or a private window — nothing shown).
 */
function usableLastView(value: unknown, connection: string | null): LastView | null {
  const v = value as Partial<LastView> | null | undefined;
  if (connection === null || v?.connection !== connection) return null;
  if (typeof v.query !== 'string' || typeof v.groups !== 'object' || v.groups === null) return null;
  const filter = v.filter === 'all' || ALL_KINDS.includes(v.filter as EntityKind) ? (v.filter as Filter) : 'all';
  return { ...(v as LastView), query: sanitizeQuery(v.query), filter };
}

export interface Prefill {
  query: string;
  filter: Filter;
  /** Results to paint in the first frame (only when they belong to this query). */
  view: LastView | null;
  /** The storage hand-over was used and must be removed. */
  consumedPending: boolean;
}

export function choosePrefill(
  search: string,
  stored: Record<string, unknown>,
  pendingKey: string,
  lastViewKey: string,
  now: number,
  connection: string | null,
): Prefill {
  const last = usableLastView(stored[lastViewKey], connection);
  const fromUrl = new URLSearchParams(search).get('q');
  const fromMenu = fromUrl === null ? freshPendingQuery(stored[pendingKey], now) : null;
  const wanted = fromUrl !== null ? sanitizeQuery(fromUrl) : fromMenu;
  const consumedPending = stored[pendingKey] !== undefined;
  if (wanted === null || wanted === '') {
    return last
      ? { query: last.query, filter: last.filter, view: last, consumedPending }
      : { query: '', filter: 'all', view: null, consumedPending };
  }
  const sameQuery = last !== null && last.query === wanted;
  return { query: wanted, filter: sameQuery ? last.filter : 'all', view: sameQuery ? last : null, consumedPending };
}
