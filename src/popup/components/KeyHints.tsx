import { t, type MessageKey } from '../../shared/i18n.ts';
import { FILTERS } from '../filters.ts';

/** Alt+1…N for the chips that have a digit (filters.ts): "Alt+1…8", or "Alt+1…9, 0" from ten chips on. */
const FILTER_KEYS = FILTERS.length < 10 ? `Alt+1…${FILTERS.length}` : 'Alt+1…9, 0';

/** Shown in hints: "⌘" on Apple platforms, "Ctrl" elsewhere. */
const primaryKeyName = (platform: string = navigator.platform) => (/mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl');

/** The shortcuts, always visible: keyboard-first only works if people can see the keys. */
export function KeyHints() {
  const hints: [string, MessageKey][] = [
    ['↑ ↓', 'hint_move'],
    ['↵', 'hint_open'],
    [`${primaryKeyName()}+↵`, 'hint_background'],
    ['Alt+C', 'hint_copyLink'],
    ['Alt+K', 'hint_copyKey'],
    ['Alt+E', 'hint_copyEmail'],
    ['Alt+M', 'hint_copyMarkdown'],
    ['Alt+P', 'hint_pin'],
    [FILTER_KEYS, 'hint_filters'],
    ['Esc', 'hint_clear'],
  ];
  return (
    <footer class="hints" aria-label={t('popup_footerLabel')}>
      {hints.map(([keys, what]) => <span key={what}><kbd>{keys}</kbd> {t(what)}</span>)}
    </footer>
  );
}
