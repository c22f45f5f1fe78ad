import browser from '../../shared/browser.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  declinedText,
  errorText,
  invalidUrlText,
  permissionRequestFailedText,
  tokenMissingText,
  type ErrorText,
} from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import { ask } from '../../shared/messaging.ts';
import { LIMITS, type ConnectionStatus } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { normalizeBaseUrl, originPattern } from '../../space/base-url.ts';

export interface FormValues {
  url: string;
  token: string;
  sessionOnly: boolean;
}

interface ConnectFormProps {
  values: FormValues;
  /** Functional update: two fields typed before a re-render must both be kept. */
  onValues(update: (values: FormValues) => FormValues): void;
  /** A connection is saved: a failed attempt here leaves it as it is (and says so). */
  hasSavedConnection: boolean;
  onConnected(status: ConnectionStatus): void;
  /** Shown only when replacing a saved token. */
  onCancel?: () => void;
}

type Field = 'url' | 'token' | null;

/**
 * URL + token → Connect. The host permission is requested synchronously inside the submit handler:
 * browsers only show the prompt during the user's gesture, which ends at the first `await`.
 * Nothing typed is lost on failure; the token field is cleared only after a successful connect.
 */
export function ConnectForm({ values, onValues, hasSavedConnection, onConnected, onCancel }: ConnectFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: ErrorText; field: Field } | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const sessionOnlyInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (values.url ? tokenInput : urlInput).current?.focus();
  }, []);

  const fail = (text: ErrorText, field: Field) => {
    setError({ text, field });
    if (field === 'url') urlInput.current?.focus();
    if (field === 'token') tokenInput.current?.focus();
  };

  const finish = async (granted: Promise<boolean>, origin: string, host: string, token: string, sessionOnly: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const allowed = await granted.catch(() => false);
      if (!allowed) {
        fail(declinedText(host), null);
        return;
      }
      const answer = await ask({ type: 'connect', url: origin, token, sessionOnly });
      if (answer.ok) {
        onValues((v) => ({ ...v, url: answer.value.origin ?? origin, token: '' }));
        onConnected(answer.value);
        return;
      }
      const field: Field = answer.error.code === 'invalid-url' ? 'url'
        : answer.error.code === 'unauthorized' || answer.error.code === 'forbidden' ? 'token'
        : null;
      fail(errorText(answer.error, { where: 'options', host, connecting: true }), field);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    // Read the fields themselves: the click may come before a re-render caught up with the last keystroke.
    const url = urlInput.current?.value ?? values.url;
    const sessionOnly = sessionOnlyInput.current?.checked ?? values.sessionOnly;
    const normalized = normalizeBaseUrl(url);
    if (!normalized.ok) {
      fail(invalidUrlText(normalized.reason, normalized.message), 'url');
      return;
    }
    const token = (tokenInput.current?.value ?? values.token).trim();
    if (token === '') {
      fail(tokenMissingText(), 'token');
      return;
    }
    const host = new URL(normalized.origin).host;
    // Synchronously, before any await: this is still the click's (or Enter's) user gesture.
    let granted: Promise<boolean>;
    try {
      granted = browser.permissions.request({ origins: [originPattern(normalized.origin)] });
    } catch {
      fail(permissionRequestFailedText(host), null);
      return;
    }
    void finish(granted, normalized.origin, host, token, sessionOnly);
  };

  const errorId = error ? 'connect-error' : undefined;
  return (
    <form class="connect-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <div class="form-row">
        <label for="space-url">{t('options_urlLabel')}</label>
        <input
          id="space-url"
          ref={urlInput}
          type="url"
          inputMode="url"
          placeholder="http://127.0.0.1:8084"
          value={values.url}
          maxLength={LIMITS.url}
          autocomplete="url"
          spellcheck={false}
          aria-invalid={error?.field === 'url'}
          aria-describedby={error?.field === 'url' ? `url-help ${errorId}` : 'url-help'}
          data-testid="url-input"
          onInput={(e) => {
            const url = e.currentTarget.value;
            onValues((v) => ({ ...v, url }));
          }}
        />
        <p id="url-help" class="help">{t('options_urlHelp')}</p>
      </div>

      <div class="form-row">
        <label for="space-token">{t('options_tokenLabel')}</label>
        <input
          id="space-token"
          ref={tokenInput}
          type="password"
          value={values.token}
          maxLength={LIMITS.token}
          autocomplete="off"
          spellcheck={false}
          autoCapitalize="off"
          aria-invalid={error?.field === 'token'}
          aria-describedby={error?.field === 'token' ? `token-help ${errorId}` : 'token-help'}
          data-testid="token-input"
          onInput={(e) => {
            const token = e.currentTarget.value;
            onValues((v) => ({ ...v, token }));
          }}
        />
        <p id="token-help" class="help">{t('options_tokenHelp')}</p>
      </div>

      <div class="form-row check">
        <input
          id="session-only"
          ref={sessionOnlyInput}
          type="checkbox"
          checked={values.sessionOnly}
          aria-describedby="session-only-help"
          data-testid="session-only"
          onChange={(e) => {
            const sessionOnly = e.currentTarget.checked;
            onValues((v) => ({ ...v, sessionOnly }));
          }}
        />
        <label for="session-only">{t('options_sessionOnly')}</label>
        <p id="session-only-help" class="help">{t('options_sessionOnlyHelp')}</p>
      </div>

      {error && (
        <div id={errorId}>
          <ErrorNotice text={error.text} testId="form-error" role="alert">
            {hasSavedConnection ? t('options_keptOnError') : null}
          </ErrorNotice>
        </div>
      )}

      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="connect">
          {busy ? t('options_connecting') : t('options_connect')}
        </button>
        {onCancel && <button type="button" onClick={onCancel} disabled={busy}>{t('options_cancel')}</button>}
      </div>
    </form>
  );
}
