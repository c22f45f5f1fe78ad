import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, type ErrorText } from '../shared/error-text.ts';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import type { ConnectionStatus, ConnectMethod, ForgetResult, ManagedPolicy } from '../shared/protocol.ts';
import { ErrorNotice } from '../shared/ui/ErrorNotice.tsx';
import { normalizeBaseUrl } from '../space/base-url.ts';
import { ConnectForm, type FormValues } from './components/ConnectForm.tsx';
import { ConnectionCard } from './components/ConnectionCard.tsx';
import { ForgetRemains } from './components/ForgetRemains.tsx';
import { ProjectScope } from './components/ProjectScope.tsx';
import { TokenHelp } from './components/TokenHelp.tsx';

/** Outcome text after Forget (Sign out for a sign-in), including what Space said about the revoke. */
function forgetOutcome(result: ForgetResult, host: string | null, method: ConnectMethod): string {
  const oauth = method === 'oauth';
  const parts = [oauth ? t('options_signedOut') : t('options_forgotten')];
  if (result.revoked === 'confirmed') parts.push(oauth ? t('options_signOutConfirmed') : t('options_revokeConfirmed'));
  if (result.revoked === 'failed') {
    const why = result.error ? errorText(result.error, { where: 'options', host }).title : t('err_internal_title');
    parts.push(oauth ? t('options_signOutFailed', why) : t('options_revokeFailed', why));
  }
  return parts.join(' ');
}

const NO_POLICY: ManagedPolicy = { origin: null, methods: 'both', clientId: null, sessionOnly: false, invalid: [] };

/** The method the form starts with: the stored one, else what the organization allows or set up. */
function initialMethod(status: ConnectionStatus | null, policy: ManagedPolicy): ConnectMethod {
  if (policy.methods !== 'both') return policy.methods;
  if (status?.origin) return status.method;
  return policy.clientId !== null ? 'oauth' : 'token';
}

export function App() {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [values, setValues] = useState<FormValues>({ url: '', token: '', sessionOnly: false, method: 'token', clientId: '' });
  const [policy, setPolicy] = useState<ManagedPolicy>(NO_POLICY);
  const [live, setLive] = useState('');
  /** After Forget, the page keeps the old origin handy for the token-page link of a revoke done by hand. */
  const [lastOrigin, setLastOrigin] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    void Promise.all([ask({ type: 'status' }), ask({ type: 'policy' })]).then(([answer, managed]) => {
      const p = managed.ok ? managed.value : NO_POLICY;
      setPolicy(p);
      if (answer.ok) {
        const s = answer.value;
        setStatus(s);
        setValues((v) => ({
          ...v,
          method: initialMethod(s, p),
          ...(s.origin ? { url: s.origin, sessionOnly: s.sessionOnly } : {}),
          ...(s.clientId ? { clientId: s.clientId } : {}),
        }));
      } else {
        setValues((v) => ({ ...v, method: initialMethod(null, p) }));
        setLoadError(errorText(answer.error, { where: 'options' }));
      }
      setLoaded(true);
    });
  }, []);

  // Tests (and people) must not type into the form before the saved state has filled it in.
  useEffect(() => {
    if (loaded && main.current) main.current.dataset.loaded = 'true';
  }, [loaded]);

  const configured = status?.configured === true;
  const showForm = loaded && (!configured || replacing);
  // Not usable, but not gone either (e.g. a session-only token lost with the browser session): Forget stays.
  const remains = !configured && status?.remembered === true;

  const forgotten = (result: ForgetResult) => {
    setLastOrigin(status?.origin ?? null);
    setLive(forgetOutcome(result, status?.host ?? null, status?.method ?? 'token'));
    setReplacing(false);
    setValues((v) => ({ ...v, token: '' }));
    if (status) {
      setStatus({ ...status, configured: false, identity: null, tokenLast4: null, lastVerified: null, auth: 'unverified', remembered: false });
      setValues((v) => ({ ...v, method: initialMethod(null, policy) }));
    }
    void ask({ type: 'status' }).then((answer) => answer.ok && setStatus(answer.value));
  };

  const typed = normalizeBaseUrl(policy.origin ?? values.url);
  const tokenPageOrigin = typed.ok ? typed.origin : status?.origin ?? lastOrigin;

  return (
    <main ref={main} class="options">
      <h1>{t('options_title')}</h1>
      <p class="intro">{t('options_intro')}</p>

      <section class="panel" aria-labelledby="conn-heading">
        <h2 id="conn-heading">{t('options_connectionHeading')}</h2>
        <p class="live" role="status" data-testid="options-status">{live}</p>
        {!loaded && <p class="muted">{t('options_loading')}</p>}
        {loadError && <ErrorNotice text={loadError} testId="load-error" />}
        {policy.invalid.length > 0 && (
          <p class="notice warning" data-testid="policy-invalid">{t('options_policyInvalid', policy.invalid.join(', '))}</p>
        )}

        {configured && status && (
          <ConnectionCard
            status={status}
            replacing={replacing}
            onStatus={setStatus}
            onReplace={() => {
              setValues((v) => ({
                ...v, url: status.origin ?? v.url, token: '', sessionOnly: status.sessionOnly, method: status.method,
                clientId: status.clientId ?? v.clientId,
              }));
              setReplacing(true);
            }}
            onForgotten={forgotten}
            announce={setLive}
          />
        )}

        {loaded && remains && <ForgetRemains host={status?.host ?? null} method={status?.method ?? 'token'} onForgotten={forgotten} />}

        {showForm && (
          <ConnectForm
            values={values}
            onValues={setValues}
            policy={policy}
            hasSavedConnection={configured}
            onConnected={(next) => {
              setStatus(next);
              setReplacing(false);
              setLive(t('options_connected'));
            }}
            onCancel={replacing ? () => {
              setReplacing(false);
              setValues((v) => ({ ...v, url: status?.origin ?? v.url, token: '' }));
            } : undefined}
          />
        )}
      </section>

      <TokenHelp origin={tokenPageOrigin} method={showForm ? values.method : status?.method ?? values.method} />

      <ProjectScope connected={configured && status?.auth !== 'rejected'} host={status?.host ?? null} announce={setLive} />
    </main>
  );
}
