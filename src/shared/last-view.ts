import type { Entity, EntityKind, Filter } from './kinds.ts';

/**
 * What the popup painted last, kept in `storage.session` under LAST_VIEW_KEY (storage-keys.ts) by the worker so
 * the popup can paint it in its first frame on reopen. Holds Space data only, never the token.
 */
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
