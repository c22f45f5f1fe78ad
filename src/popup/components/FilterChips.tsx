import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import { VIEWS } from '../../kinds/view-registry.ts';
import { t, type MessageKey } from '../../shared/i18n.ts';
import { ALL_KINDS, type Filter } from '../../shared/protocol.ts';

/** Chip order is also the Alt+1…8 order. */
export const FILTERS: readonly Filter[] = ['all', ...ALL_KINDS];

const labelOf = (f: Filter): MessageKey => (f === 'all' ? 'kind_all' : VIEWS[f].meta.label);

interface FilterChipsProps {
  value: Filter;
  onChange(filter: Filter): void;
}

/**
 * A radio group: Tab enters on the selected chip, ←/→ (and Home/End) move and select, as the ARIA
 * radio group pattern expects. Alt+digit works from anywhere in the popup (handled by the app).
 */
export function FilterChips({ value, onChange }: FilterChipsProps) {
  const row = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
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
    row.current?.querySelector<HTMLElement>(`[data-filter="${filter}"]`)?.focus();
  };

  return (
    <div class="chips" role="radiogroup" aria-label={t('popup_filtersLabel')} ref={row} onKeyDown={onKeyDown}>
      {FILTERS.map((f, i) => {
        const checked = f === value;
        const shortcut = `Alt+${i + 1}`;
        return (
          <button
            key={f}
            type="button"
            role="radio"
            class="chip"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            aria-keyshortcuts={shortcut}
            title={t('popup_chipHint', String(i + 1))}
            data-filter={f}
            data-testid={`chip-${f}`}
            onClick={() => onChange(f)}
          >
            {t(labelOf(f))}
          </button>
        );
      })}
    </div>
  );
}
