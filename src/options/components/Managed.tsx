import { t } from '../../shared/i18n.ts';

/** "Set by your organization", next to a locked field. */
export function Managed({ id }: { id: string }) {
  return <p id={id} class="help managed" data-testid={id}>{t('options_managed')}</p>;
}
