import { useState } from 'preact/hooks';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import type { ConnectMethod, ForgetResult } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

interface ForgetRemainsProps {
  host: string | null;
  method: ConnectMethod;
  onForgotten(result: ForgetResult): void;
}

/**
 * Not connected, yet something of a connection is still stored — typically a session-only token gone with
 * the browser session, leaving the address, identity, last four characters and search scope. Forget stays
 * offered for those (there is no token left to revoke).
 */
export function ForgetRemains({ host, method, onForgotten }: ForgetRemainsProps) {
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
      <p class="muted">{method === 'oauth' ? t('options_remainsSignIn') : t('options_remains')}</p>
      {error && <ErrorNotice text={error} testId="connection-error" role="alert" />}
      <button type="button" class="danger" onClick={forget} disabled={busy} data-testid="forget-remains">
        {busy ? t('options_forgetting') : t('options_forget')}
      </button>
    </div>
  );
}
