import { VIEWS } from '../../kinds/view-registry.tsx';
import { t, type MessageKey } from '../../shared/i18n.ts';
import type { Filter } from '../../shared/kinds.ts';
import type { chipKeys } from '../chip-keys.ts';
import { filterDigit, FILTERS } from '../filters.ts';

const labelOf = (f: Filter): MessageKey => (f === 'all' ? 'kind_all' : VIEWS[f].meta.label);

interface FilterChipsProps {
  value: Filter;
  onChange(filter: Filter): void;
  /** ←/→, Home/End within the chips (chip-keys.ts, with the extras: nobody is in the chips at the first frame). */
  onKeys?: typeof chipKeys;
}

/**
 * A radio group: Tab enters on the selected chip, ←/→ (and Home/End) move and select, as the ARIA
 * radio group pattern expects. Alt+digit works from anywhere in the popup (handled by the app).
 */
export function FilterChips({ value, onChange, onKeys }: FilterChipsProps) {
  return (
    <div class="chips" role="radiogroup" aria-label={t('popup_filtersLabel')} onKeyDown={(e) => onKeys?.(e, value, onChange)}>
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
