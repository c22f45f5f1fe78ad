import { useRef, useState } from 'preact/hooks';
import { authProblem } from '../../shared/auth-problem.ts';
import { errorText, type ErrorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import type { ConnectionStatus, ForgetResult } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { displayText } from '../../shared/ui/text.ts';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { useNow } from '../../shared/ui/use-now.ts';

interface ConnectionCardProps {
  status: ConnectionStatus;
  /** Hide the replace button while the replace form is open. */
  replacing: boolean;
  onStatus(status: ConnectionStatus): void;
  onReplace(): void;
  onForgotten(result: ForgetResult): void;
  announce(text: string): void;
}

/**
 * The saved connection. The token itself is never here: only its last four characters — and for "Sign in with
 * Space" not even those ("Signed in with Space"). A sign-in offers Sign in again and Sign out (which always asks
 * Space to end the sign-in) instead of Replace and Forget.
 */
export function ConnectionCard({ status, replacing, onStatus, onReplace, onForgotten, announce }: ConnectionCardProps) {
  const [busy, setBusy] = useState<'verify' | 'forget' | null>(null);
  const [revoke, setRevoke] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const revokeBox = useRef<HTMLInputElement>(null);
  // Re-renders "last verified 3 minutes ago" while the page stays open.
  const now = useNow(30_000);
  const host = status.host ?? '';

  const verify = async () => {
    setBusy('verify');
    setError(null);
    const answer = await ask({ type: 'verify' });
    setBusy(null);
    if (answer.ok) {
      onStatus(answer.value);
      announce(t('options_verified'));
      return;
    }
    // An ended sign-in is shown once, by the warning the fresh status brings.
    if (answer.error.code !== 'sign-in-again') setError(errorText(answer.error, { where: 'options', host }));
    // The worker records what the check found (e.g. token rejected); show it.
    const fresh = await ask({ type: 'status' });
    if (fresh.ok) onStatus(fresh.value);
  };

  /** `always`: Sign out, which always asks Space to end the sign-in. */
  const forget = async (always = false) => {
    setBusy('forget');
    setError(null);
    // The box itself: it may have been ticked just before this click, ahead of a re-render.
    const answer = await ask({ type: 'forget', revoke: always || (revokeBox.current?.checked ?? revoke) });
    setBusy(null);
    if (answer.ok) onForgotten(answer.value);
    else setError(errorText(answer.error, { where: 'options', host }));
  };

  const oauth = status.method === 'oauth';
  const problem = authProblem(status);
  const identity = status.identity;
  const summary = identity
    ? t('options_connectedAs', [host, displayText(identity.name, 120), displayText(identity.username, 120)])
    : t('options_connectedNoIdentity', host);

  return (
    <div class="connection">
      <p class="connected-as" data-testid="connected-as"><strong>{summary}</strong></p>
      <ul class="facts muted">
        <li data-testid="last-verified">
          {status.lastVerified !== null ? t('options_lastVerified', relativeTime(status.lastVerified, now)) : t('options_neverVerified')}
        </li>
        {oauth && <li data-testid="signed-in-with">{t('options_signedInWith')}</li>}
        {!oauth && status.tokenLast4 && (
          <li aria-label={t('options_tokenEndingLabel', status.tokenLast4)} data-testid="token-last4">
            {t('options_tokenEnding', `••••${status.tokenLast4}`)}
          </li>
        )}
        <li>{status.sessionOnly ? t('options_sessionOnlyOn') : t('options_storedOn')}</li>
      </ul>

      {problem && <ErrorNotice text={errorText(problem, { where: 'options', host })} testId="auth-warning" />}
      {error && <ErrorNotice text={error} testId="connection-error" role="alert" />}

      <div class="actions">
        <button type="button" onClick={verify} disabled={busy !== null} data-testid="verify">
          {busy === 'verify' ? t('options_checking') : t('options_checkAgain')}
        </button>
        {!replacing && (
          <button
            type="button"
            class={oauth && status.auth === 'sign-in-again' ? 'primary' : undefined}
            onClick={onReplace}
            disabled={busy !== null}
            data-testid={oauth ? 'sign-in-again' : 'replace-token'}
          >
            {oauth ? t('options_signInAgain') : t('options_replaceToken')}
          </button>
        )}
      </div>

      {oauth ? (
        <div class="forget">
          <p class="help" id="sign-out-help">{t('options_signOutHelp')}</p>
          <button
            type="button"
            class="danger"
            onClick={() => void forget(true)}
            disabled={busy !== null}
            aria-describedby="sign-out-help"
            data-testid="sign-out"
          >
            {busy === 'forget' ? t('options_signingOut') : t('options_signOut')}
          </button>
        </div>
      ) : (
        <div class="forget">
          <div class="check">
            <input id="revoke-too" ref={revokeBox} type="checkbox" checked={revoke} aria-describedby="revoke-help" data-testid="revoke-too"
              onChange={(e) => setRevoke(e.currentTarget.checked)} />
            <label for="revoke-too">{t('options_revokeToo')}</label>
            <p id="revoke-help" class="help">{t('options_revokeHelp')}</p>
          </div>
          <button type="button" class="danger" onClick={() => void forget()} disabled={busy !== null} data-testid="forget">
            {busy === 'forget' ? t('options_forgetting') : t('options_forget')}
          </button>
        </div>
      )}
    </div>
  );
}
