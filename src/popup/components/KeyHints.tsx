import { t, type MessageKey } from '../../shared/i18n.ts';
import { primaryKeyName } from '../keys.ts';

/** The shortcuts, always visible: keyboard-first only works if people can see the keys. */
export function KeyHints() {
  const hints: [string, MessageKey][] = [
    ['↑ ↓', 'hint_move'],
    ['↵', 'hint_open'],
    [`${primaryKeyName()}+↵`, 'hint_background'],
    ['Alt+C', 'hint_copyLink'],
    ['Alt+K', 'hint_copyKey'],
    ['Alt+E', 'hint_copyEmail'],
    ['Alt+1…8', 'hint_filters'],
    ['Esc', 'hint_clear'],
  ];
  return (
    <footer class="hints" aria-label={t('popup_footerLabel')}>
      {hints.map(([keys, what]) => <span key={what}><kbd>{keys}</kbd> {t(what)}</span>)}
    </footer>
  );
}
