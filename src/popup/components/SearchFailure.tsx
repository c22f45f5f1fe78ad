import { errorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { openOptions } from '../open-options.ts';
import type { SearchFailure as Failure } from '../search-outcome.ts';

interface SearchFailureProps {
  failure: Failure;
  host: string | null;
  /** Runs the same query and filter again, at once. */
  onRetry(): void;
}

/**
 * Every kind failed for one reason (server unreachable, 5xx, 429, an unreadable answer…): said once, with its
 * fix and a Retry, instead of the same note under every kind. Retry is offered whatever the cause: the search
 * is cheap to repeat and the user may have fixed the network, the server or the token meanwhile.
 */
export function SearchFailure({ failure, host, onRetry }: SearchFailureProps) {
  const text = errorText(failure.error, { where: 'popup', host });
  return (
    <ErrorNotice text={text} role="alert" testId="search-failure">
      <button type="button" data-testid="search-retry" onClick={onRetry}>{t('popup_retry')}</button>
      {text.action === 'open-options' && (
        <>
          {' '}
          <button type="button" onClick={openOptions}>{t('popup_openOptions')}</button>
        </>
      )}
    </ErrorNotice>
  );
}
