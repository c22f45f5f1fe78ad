import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { openOptions } from '../open-options.ts';

export function NotConfigured() {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <section class="not-configured" data-testid="not-configured" aria-labelledby="nc-title">
      <h1 id="nc-title">{t('popup_notConfiguredTitle')}</h1>
      <p>{t('popup_notConfiguredBody')}</p>
      <button type="button" class="primary" ref={button} onClick={openOptions}>{t('popup_openOptions')}</button>
    </section>
  );
}
