/**
 * Which option is active in the grouped results. Pure, so the keyboard model is unit-tested apart
 * from the DOM. Options are addressed by a flat index across groups in display order; -1 = none. Where a key
 * moves it: nav-move.ts (with the keys, after the first frame).
 */

export type { NavMove } from './nav-move.ts';

/**
 * The active option is remembered by key, so it stays on the same item while groups arrive around it.
 * When that item is gone (or none was chosen) the first result is active: Enter always opens what is
 * shown at the top, as in the ARIA "list autocomplete with automatic selection" pattern.
 */
export function activeIndexFor(keys: readonly string[], activeKey: string | null): number {
  if (keys.length === 0) return -1;
  const at = activeKey === null ? -1 : keys.indexOf(activeKey);
  return at >= 0 ? at : 0;
}
