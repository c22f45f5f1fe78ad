import { t } from '../../shared/i18n.ts';
import { primaryKeyName } from '../keys.ts';

/** The shortcuts, always visible: keyboard-first only works if people can see the keys. */
export function KeyHints() {
  const mod = primaryKeyName();
  return (
    <footer class="hints" aria-label={t('popup_footerLabel')}>
      <span><kbd>↑</kbd><kbd>↓</kbd> {t('hint_move')}</span>
      <span><kbd>↵</kbd> {t('hint_open')}</span>
      <span><kbd>{mod}</kbd>+<kbd>↵</kbd> {t('hint_background')}</span>
      <span><kbd>Alt</kbd>+<kbd>C</kbd> {t('hint_copyLink')}</span>
      <span><kbd>Alt</kbd>+<kbd>K</kbd> {t('hint_copyKey')}</span>
      <span><kbd>Alt</kbd>+<kbd>E</kbd> {t('hint_copyEmail')}</span>
      <span><kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>8</kbd> {t('hint_filters')}</span>
      <span><kbd>Esc</kbd> {t('hint_clear')}</span>
    </footer>
  );
}
