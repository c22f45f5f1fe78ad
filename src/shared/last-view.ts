import type { Entity, EntityKind, Filter } from './protocol.ts';

/**
 * What the popup painted last, kept in `storage.session` under LAST_VIEW_KEY by the worker so the popup
 * can paint it in its first frame on reopen. Holds Space data only, never the token.
 * The popup reads this one key directly (no worker round trip, the worker may be asleep).
 */
export const LAST_VIEW_KEY = 'lastView';

/**
 * `storage.local` key of the connection record the worker writes (src/background/connection-store.ts). The
 * popup reads it beside the last view, for one field: the connection's `id`.
 */
export const CONNECTION_KEY = 'connection';

export interface LastView {
  /**
   * The id of the connection this belongs to (`ConnectionRecord.id`: random, made when the connection was
   * saved, nothing derived from the token). The popup ignores a view whose id is not the stored one.
   */
  connection: string;
  query: string;
  filter: Filter;
  groups: Partial<Record<EntityKind, Entity[]>>;
  at: number;
}

/** The `id` of a stored connection record, or null when there is none (or it has no id). */
export function connectionIdOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}
