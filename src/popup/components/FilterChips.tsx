import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import { VIEWS } from '../../kinds/view-registry.tsx';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { Filter } from '../../shared/kinds.ts';
import { filterDigit, FILTERS } from '../filters.ts';

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
        const digit = filterDigit(i);
        return (
          <button
            key={f}
            type="button"
            role="radio"
            class="chip"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            aria-keyshortcuts={digit === null ? undefined : `Alt+${digit}`}
            title={digit === null ? undefined : t('popup_chipHint', digit)}
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
