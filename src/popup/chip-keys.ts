/**
 * The filter chips' own keys (FilterChips.tsx): ←/→ (↑/↓) and Home/End move and select, as the ARIA radio group
 * pattern expects. With the extras: nobody is in the chips at the first frame.
 */
import type { TargetedKeyboardEvent } from 'preact';
import type { Filter } from '../shared/kinds.ts';
import { FILTERS } from './filters.ts';

export function chipKeys(e: TargetedKeyboardEvent<HTMLDivElement>, value: Filter, onChange: (filter: Filter) => void): void {
  const at = FILTERS.indexOf(value);
  const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (at + 1) % FILTERS.length
    : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (at - 1 + FILTERS.length) % FILTERS.length
    : e.key === 'Home' ? 0
    : e.key === 'End' ? FILTERS.length - 1
    : -1;
  const filter = FILTERS[next];
  if (filter === undefined) return;
  e.preventDefault();
  onChange(filter);
  e.currentTarget.querySelector<HTMLElement>(`[data-filter="${filter}"]`)?.focus();
}
