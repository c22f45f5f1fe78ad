import { t } from '../../shared/i18n.ts';

/** The project-scope panel before there is a working connection to list projects with. */
export function ScopeNeedsConnection() {
  return (
    <section class="panel" aria-labelledby="scope-heading">
      <h2 id="scope-heading">{t('options_scopeHeading')}</h2>
      <p>{t('options_scopeIntro')}</p>
      <p class="muted">{t('options_scopeNeedsConnection')}</p>
    </section>
  );
}
