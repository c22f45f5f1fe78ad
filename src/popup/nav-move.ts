/**
 * Where a key moves the active option (nav.ts addresses options by a flat index across groups; -1 = none). With
 * the keys, in the extras: the first frame only needs to know which option is active.
 */

export type NavMove = 'next' | 'prev' | 'first' | 'last';

export function moveActive(active: number, count: number, move: NavMove): number {
  if (count <= 0) return -1;
  switch (move) {
    case 'first': return 0;
    case 'last': return count - 1;
    // Wrapping keeps ↑ from the first result one key away from the last, as in most pickers.
    case 'next': return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'prev': return active <= 0 || active >= count ? count - 1 : active - 1;
  }
}
