/**
 * Where the popup's first query comes from: `?q=` when the context menu had to open the popup page in a
 * tab, else a fresh hand-over from the context-menu handler in storage.session, else the last view — only
 * when it belongs to the stored connection (a view written for a forgotten or replaced token is not shown)
 * and is younger than RESTORE_MS; otherwise the popup opens on the empty box (Pinned, Waiting for you, Recent).
 */
import { ALL_KINDS, type EntityKind, type Filter } from '../shared/kinds.ts';
import { LIMITS, PENDING_QUERY_MAX_AGE_MS } from '../shared/protocol.ts';
import type { LastView } from '../shared/last-view.ts';
import { singleLine } from '../shared/ui/text.ts';

const sanitizeQuery = (text: string) => singleLine(text, LIMITS.query);

/**
 * A last view younger than this is painted again on reopen; an older one is not (the popup opens on the empty
 * box). Reopening within a minute or so is nearly always the same task — a glance at another tab, a popup closed
 * by a stray click — and retyping would be a chore; after that the next open is a new task, which the empty box
 * (Pinned, Waiting for you, Recent) serves better than an old query. Raycast "pops to root" after the same 90 s.
 */
export const RESTORE_MS = 90_000;

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

/**
 * `inTab`: this page is a tab, not the toolbar popup. It never takes the context menu's hand-over, which is meant
 * for the popup being opened (a tab the menu opened got its query as `?q=`).
 */
export function choosePrefill(
  search: string,
  stored: Record<string, unknown>,
  pendingKey: string,
  lastViewKey: string,
  now: number,
  connection: string | null,
  inTab = false,
): Prefill {
  const last = usableLastView(stored[lastViewKey], connection);
  const fromUrl = new URLSearchParams(search).get('q');
  const fromMenu = fromUrl === null && !inTab ? freshPendingQuery(stored[pendingKey], now) : null;
  const wanted = fromUrl !== null ? sanitizeQuery(fromUrl) : fromMenu;
  const consumedPending = !inTab && stored[pendingKey] !== undefined;
  if (wanted === null || wanted === '') {
    const age = last ? now - last.at : Infinity;
    return last && age >= 0 && age < RESTORE_MS
      ? { query: last.query, filter: last.filter, view: last, consumedPending }
      : { query: '', filter: 'all', view: null, consumedPending };
  }
  const sameQuery = last !== null && last.query === wanted;
  return { query: wanted, filter: sameQuery ? last.filter : 'all', view: sameQuery ? last : null, consumedPending };
}
