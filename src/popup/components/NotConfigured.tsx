import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { openOptions } from '../open-options.ts';

/**
 * No usable connection. `refused`: there was one, but the organization's managed settings (set after it was
 * saved) no longer allow it — said as such, so the user does not think it was lost by accident.
 */
export function NotConfigured({ refused = false }: { refused?: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <section class="not-configured" data-testid="not-configured" data-refused={refused ? 'policy' : undefined} aria-labelledby="nc-title">
      <h1 id="nc-title">{refused ? t('policy_stored_title') : t('popup_notConfiguredTitle')}</h1>
      <p>{refused ? t('policy_stored_fix') : t('popup_notConfiguredBody')}</p>
      <button type="button" class="primary" ref={button} onClick={openOptions}>{t('popup_openOptions')}</button>
    </section>
  );
}
