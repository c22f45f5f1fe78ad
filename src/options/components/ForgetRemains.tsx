import { useState } from 'preact/hooks';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import type { AppError, ConnectMethod, ForgetResult } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { signInErrorText } from '../sign-in-text.ts';

interface ForgetRemainsProps {
  host: string | null;
  method: ConnectMethod;
  /** The organization's managed settings refuse the saved connection (`ConnectionStatus.refused`). */
  refused?: AppError | undefined;
  onForgotten(result: ForgetResult): void;
}

/**
 * Not connected, yet something of a connection is still stored — typically a session-only token gone with
 * the browser session, leaving the address, identity, last four characters and search scope. Forget stays
 * offered for those (there is no token left to revoke). Or a connection the organization's managed settings
 * refused after it was saved: the worker dropped its secret; this says what the organization refused.
 */
export function ForgetRemains({ host, method, refused, onForgotten }: ForgetRemainsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);

  const forget = async () => {
    setBusy(true);
    setError(null);
    const answer = await ask({ type: 'forget', revoke: false });
    setBusy(false);
    if (answer.ok) onForgotten(answer.value);
    else setError(errorText(answer.error, { where: 'options', host }));
  };

  return (
    <div class="forget remains" data-testid="remains">
      {refused && (
        <ErrorNotice
          text={{ title: t('policy_stored_title'), fix: `${signInErrorText(refused)?.title ?? ''}. ${t('policy_stored_fix')}`, action: null }}
          testId="policy-refused"
        />
      )}
      <p class="muted">{method === 'oauth' ? t('options_remainsSignIn') : t('options_remains')}</p>
      {error && <ErrorNotice text={error} testId="connection-error" role="alert" />}
      <button type="button" class="danger" onClick={forget} disabled={busy} data-testid="forget-remains">
        {busy ? t('options_forgetting') : t('options_forget')}
      </button>
    </div>
  );
}
