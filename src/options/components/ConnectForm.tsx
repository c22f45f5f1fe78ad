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
import { LIMITS, type ConnectionStatus, type ConnectMethod, type ManagedPolicy, type Result } from '../../shared/protocol.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { normalizeBaseUrl, originPattern } from '../../space/base-url.ts';
import { requestSignInPermissions } from '../sign-in.ts';
import { clientIdMissingText, signInErrorText } from '../sign-in-text.ts';
import { MethodChoice } from './MethodChoice.tsx';
import { RedirectUri } from './RedirectUri.tsx';
import { Managed } from './Managed.tsx';
import { TextRow } from './TextRow.tsx';

export interface FormValues {
  url: string;
  token: string;
  sessionOnly: boolean;
  method: ConnectMethod;
  clientId: string;
}

interface ConnectFormProps {
  values: FormValues;
  /** Functional update: two fields typed before a re-render must both be kept. */
  onValues(update: (values: FormValues) => FormValues): void;
  /** What the organization manages: those fields are shown, locked. */
  policy: ManagedPolicy;
  /** A connection is saved: a failed attempt here leaves it as it is (and says so). */
  hasSavedConnection: boolean;
  onConnected(status: ConnectionStatus): void;
  /** Shown only when replacing a saved token. */
  onCancel?: () => void;
}

type Field = 'url' | 'token' | 'clientId' | null;


/**
 * Method (sign in with Space, or a personal token) + URL + token or client ID → Connect / Sign in. The host
 * permission (and, for sign-in, Chrome's optional `identity`) is requested synchronously inside the submit
 * handler: browsers only show the prompt during the user's gesture, which ends at the first `await`.
 * Nothing typed is lost on failure; the token field is cleared only after a successful connect. Fields the
 * organization manages are read-only here, and the worker enforces them too.
 */
export function ConnectForm({ values, onValues, policy, hasSavedConnection, onConnected, onCancel }: ConnectFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: ErrorText; field: Field } | null>(null);
  /** Bumped when Chrome may have granted `identity`: the redirect URI is read again. */
  const [identityChecks, setIdentityChecks] = useState(0);
  const urlInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const clientIdInput = useRef<HTMLInputElement>(null);
  const sessionOnlyInput = useRef<HTMLInputElement>(null);
  const oauth = values.method === 'oauth';
  const urlLocked = policy.origin !== null;
  const clientIdLocked = policy.clientId !== null;
  const sessionOnlyLocked = policy.sessionOnly;

  useEffect(() => {
    const next = !values.url && !urlLocked ? urlInput : oauth ? clientIdInput : tokenInput;
    next.current?.focus();
  }, []);

  const fail = (text: ErrorText, field: Field) => {
    setError({ text, field });
    if (field === 'url') urlInput.current?.focus();
    if (field === 'token') tokenInput.current?.focus();
    if (field === 'clientId') clientIdInput.current?.focus();
  };

  const finish = async (
    granted: Promise<boolean>,
    origin: string,
    host: string,
    send: () => Promise<Result<ConnectionStatus>>,
  ) => {
    setBusy(true);
    setError(null);
    try {
      const allowed = await granted.catch(() => false);
      if (!allowed) {
        fail(declinedText(host), null);
        return;
      }
      const answer = await send();
      if (answer.ok) {
        onValues((v) => ({ ...v, url: answer.value.origin ?? origin, token: '' }));
        onConnected(answer.value);
        return;
      }
      const { code, reason } = answer.error;
      const field: Field = code === 'invalid-url' || (code === 'policy' && reason === 'url') ? 'url'
        : code === 'unauthorized' || code === 'forbidden' ? (oauth ? null : 'token')
        : code === 'oauth' && reason === 'invalid-client' ? 'clientId'
        : null;
      fail(signInErrorText(answer.error) ?? errorText(answer.error, { where: 'options', host, connecting: true }), field);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    // Read the fields themselves: the click may come before a re-render caught up with the last keystroke.
    const url = policy.origin ?? urlInput.current?.value ?? values.url;
    const sessionOnly = sessionOnlyLocked || (sessionOnlyInput.current?.checked ?? values.sessionOnly);
    const normalized = normalizeBaseUrl(url);
    if (!normalized.ok) {
      fail(invalidUrlText(normalized.reason, normalized.message), 'url');
      return;
    }
    const { origin } = normalized;
    const host = new URL(origin).host;
    if (oauth) {
      const clientId = (policy.clientId ?? clientIdInput.current?.value ?? values.clientId).trim();
      if (clientId === '') {
        fail(clientIdMissingText(), 'clientId');
        return;
      }
      // Synchronously, before any await: the identity permission (Chrome) and the host, in one request.
      let granted: Promise<boolean>;
      try {
        granted = requestSignInPermissions(origin);
      } catch {
        fail(permissionRequestFailedText(host), null);
        return;
      }
      void finish(granted, origin, host, () => ask({ type: 'oauth-start', url: origin, clientId, sessionOnly }));
      return;
    }
    const token = (tokenInput.current?.value ?? values.token).trim();
    if (token === '') {
      fail(tokenMissingText(), 'token');
      return;
    }
    let granted: Promise<boolean>;
    try {
      granted = browser.permissions.request({ origins: [originPattern(origin)] });
    } catch {
      fail(permissionRequestFailedText(host), null);
      return;
    }
    void finish(granted, origin, host, () => ask({ type: 'connect', url: origin, token, sessionOnly }));
  };

  const errorId = error ? 'connect-error' : undefined;
  const errorOf = (field: Field) => (error?.field === field ? errorId : undefined);
  const typed = normalizeBaseUrl(urlLocked ? policy.origin ?? '' : values.url);

  return (
    <form class="connect-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <MethodChoice
        method={values.method}
        allowed={policy.methods}
        disabled={busy}
        onMethod={(method) => {
          setError(null);
          onValues((v) => ({ ...v, method }));
        }}
        onIdentitySettled={() => setIdentityChecks((n) => n + 1)}
      />

      <TextRow
        id="space-url"
        label={t('options_urlLabel')}
        help={t('options_urlHelp')}
        testId="url-input"
        inputRef={urlInput}
        type="url"
        url={{ placeholder: 'http://127.0.0.1:8084' }}
        value={urlLocked ? policy.origin ?? '' : values.url}
        maxLength={LIMITS.url}
        errorId={errorOf('url')}
        managedId={urlLocked ? 'managed-url' : undefined}
        onText={(url) => onValues((v) => ({ ...v, url }))}
      />

      {oauth ? (
        <>
          <TextRow
            id="client-id"
            label={t('options_clientIdLabel')}
            help={t('options_clientIdHelp')}
            testId="client-id-input"
            inputRef={clientIdInput}
            type="text"
            value={clientIdLocked ? policy.clientId ?? '' : values.clientId}
            maxLength={LIMITS.clientId}
            errorId={errorOf('clientId')}
            managedId={clientIdLocked ? 'managed-client-id' : undefined}
            onText={(clientId) => onValues((v) => ({ ...v, clientId }))}
          />
          <RedirectUri key={identityChecks} origin={typed.ok ? typed.origin : null} />
        </>
      ) : (
        <TextRow
          id="space-token"
          label={t('options_tokenLabel')}
          help={t('options_tokenHelp')}
          testId="token-input"
          inputRef={tokenInput}
          type="password"
          value={values.token}
          maxLength={LIMITS.token}
          errorId={errorOf('token')}
          onText={(token) => onValues((v) => ({ ...v, token }))}
        />
      )}

      <div class="form-row check">
        <input
          id="session-only"
          ref={sessionOnlyInput}
          type="checkbox"
          checked={sessionOnlyLocked || values.sessionOnly}
          disabled={sessionOnlyLocked}
          aria-describedby={sessionOnlyLocked ? 'session-only-help managed-session-only' : 'session-only-help'}
          data-testid="session-only"
          onChange={(e) => {
            const sessionOnly = e.currentTarget.checked;
            onValues((v) => ({ ...v, sessionOnly }));
          }}
        />
        <label for="session-only">{oauth ? t('options_sessionOnlySignIn') : t('options_sessionOnly')}</label>
        <p id="session-only-help" class="help">{oauth ? t('options_sessionOnlySignInHelp') : t('options_sessionOnlyHelp')}</p>
        {sessionOnlyLocked && <Managed id="managed-session-only" />}
      </div>

      {error && (
        <div id={errorId}>
          <ErrorNotice text={error.text} testId="form-error" role="alert">
            {hasSavedConnection ? t('options_keptOnError') : null}
          </ErrorNotice>
        </div>
      )}

      <div class="actions">
        {oauth ? (
          <button type="submit" class="primary" disabled={busy} data-testid="sign-in">
            {busy ? t('options_signingIn') : t('options_signIn')}
          </button>
        ) : (
          <button type="submit" class="primary" disabled={busy} data-testid="connect">
            {busy ? t('options_connecting') : t('options_connect')}
          </button>
        )}
        {onCancel && <button type="button" onClick={onCancel} disabled={busy}>{t('options_cancel')}</button>}
      </div>
    </form>
  );
}
