import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import type { AppError, ConnectionStatus, ConnectMethod, ForgetResult, ManagedPolicy } from '../shared/protocol.ts';
import { useLazyModule } from '../shared/ui/use-lazy-module.ts';
import { ScopeNeedsConnection } from './components/ScopeNeedsConnection.tsx';
import { TokenHelp } from './components/TokenHelp.tsx';
import type { FormValues } from './connect-view.ts';

// The page is split by what it shows: the form (with its URL checks and sign-in flow) or the saved connection's
// panels. Each chunk is imported as soon as the worker's answer says it is needed; the other is never fetched.
const loadConnectView = () => import('./connect-view.ts');
const loadConnectedView = () => import('./connected-view.ts');

const NO_POLICY: ManagedPolicy = { origin: null, methods: 'both', clientId: null, sessionOnly: false, invalid: [] };

/** The method the form starts with: the stored one, else what the organization allows or set up. */
function initialMethod(status: ConnectionStatus | null, policy: ManagedPolicy): ConnectMethod {
  if (policy.methods !== 'both') return policy.methods;
  if (status?.origin) return status.method;
  return policy.clientId !== null ? 'oauth' : 'token';
}

export function App() {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
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
        setLoadError(answer.error);
      }
      setLoaded(true);
    });
  }, []);

  const configured = status?.configured === true;
  const showForm = loaded && (!configured || replacing);
  // Not usable, but not gone either (e.g. a session-only token lost with the browser session): Forget stays.
  const remains = !configured && status?.remembered === true;
  const needsConnect = showForm || loadError !== null;
  const needsConnected = configured || remains;
  const Connect = useLazyModule(loadConnectView, needsConnect);
  const Connected = useLazyModule(loadConnectedView, needsConnected);
  const ready = loaded && (Connect !== null || !needsConnect) && (Connected !== null || !needsConnected);

  // Tests (and people) must not type into the form before the saved state has filled it in.
  useEffect(() => {
    if (ready && main.current) main.current.dataset.loaded = 'true';
  }, [ready]);

  const forgotten = (result: ForgetResult) => {
    setLastOrigin(status?.origin ?? null);
    if (Connected) setLive(Connected.forgetOutcome(result, status?.host ?? null, status?.method ?? 'token'));
    setReplacing(false);
    setValues((v) => ({ ...v, token: '' }));
    if (status) {
      setStatus({ ...status, configured: false, identity: null, tokenLast4: null, lastVerified: null, auth: 'unverified', remembered: false });
      setValues((v) => ({ ...v, method: initialMethod(null, policy) }));
    }
    void ask({ type: 'status' }).then((answer) => answer.ok && setStatus(answer.value));
  };

  // What is typed counts only while the form (which brings the URL checks) is there to type into.
  const typed = showForm ? Connect?.normalizeBaseUrl(policy.origin ?? values.url) : undefined;
  const tokenPageOrigin = typed?.ok ? typed.origin : status?.origin ?? lastOrigin;

  return (
    <main ref={main} class="options">
      <h1>{t('options_title')}</h1>
      <p class="intro">{t('options_intro')}</p>

      <section class="panel" aria-labelledby="conn-heading">
        <h2 id="conn-heading">{t('options_connectionHeading')}</h2>
        <p class="live" role="status" data-testid="options-status">{live}</p>
        {!loaded && <p class="muted">{t('options_loading')}</p>}
        {loadError && Connect && <Connect.ErrorNotice text={Connect.errorText(loadError, { where: 'options' })} testId="load-error" />}
        {policy.invalid.length > 0 && (
          <p class="notice warning" data-testid="policy-invalid">{t('options_policyInvalid', policy.invalid.join(', '))}</p>
        )}

        {configured && status && Connected && (
          <Connected.ConnectionCard
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

        {loaded && remains && Connected && <Connected.ForgetRemains host={status?.host ?? null} method={status?.method ?? 'token'} refused={status?.refused} onForgotten={forgotten} />}

        {showForm && Connect && (
          <Connect.ConnectForm
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

      {configured && status?.auth !== 'rejected'
        ? Connected && <Connected.ProjectScope host={status?.host ?? null} announce={setLive} />
        : <ScopeNeedsConnection />}

      {configured && status?.auth !== 'rejected' && Connected && <Connected.WaitingCount host={status.host} announce={setLive} />}

      {configured && status?.auth !== 'rejected' && Connected && <Connected.LocalDirectory host={status.host} announce={setLive} />}
    </main>
  );
}
