import type { Entity, EntityKind, Filter } from './protocol.ts';

/**
 * What the popup painted last, kept in `storage.session` under LAST_VIEW_KEY by the worker so the popup
 * can paint it in its first frame on reopen. Holds Space data only, never the token.
 * The popup reads this one key directly (no worker round trip, the worker may be asleep).
 */
export const LAST_VIEW_KEY = 'lastView';

export interface LastView {
  /** Which connection this belongs to (origin + token fingerprint); ignored if it no longer matches. */
  connection: string;
  query: string;
  filter: Filter;
  groups: Partial<Record<EntityKind, Entity[]>>;
  at: number;
}
