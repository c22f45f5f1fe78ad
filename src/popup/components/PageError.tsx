import { errorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import type { AppError } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { openOptions } from '../open-options.ts';

interface PageErrorProps {
  error: AppError;
  host: string | null;
  onRetry(): void;
}

/** A failure that stops the whole search (token rejected, no host access…), with the one fix that helps. */
export function PageError({ error, host, onRetry }: PageErrorProps) {
  const text = errorText(error, { where: 'popup', host });
  return (
    <ErrorNotice text={text} role="alert">
      {text.action === 'open-options' ? (
        <button type="button" class="primary" onClick={openOptions}>
          {error.code === 'no-host-permission' ? t('popup_grantAccess') : t('popup_openOptions')}
        </button>
      ) : text.action === 'retry' ? (
        <button type="button" onClick={onRetry}>{t('popup_retry')}</button>
      ) : null}
    </ErrorNotice>
  );
}
