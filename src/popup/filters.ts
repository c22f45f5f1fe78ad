/**
 * The filter chips, in order: "All", then every kind in ALL_KINDS order. Their Alt+digit shortcuts follow that
 * order: Alt+1 … Alt+9, then Alt+0 for the tenth chip. A chip after the tenth has no digit (Tab to the chips,
 * then ←/→), so ten kinds keep a digit for all but the last.
 */
import { ALL_KINDS, type Filter } from '../shared/kinds.ts';

export const FILTERS: readonly Filter[] = ['all', ...ALL_KINDS];

/** The digit of the chip at `index` of `count` chips ('1'…'9', '0'), or null past the tenth. */
export function filterDigit(index: number, count: number = FILTERS.length): string | null {
  return index >= 0 && index < 10 && index < count ? String((index + 1) % 10) : null;
}
