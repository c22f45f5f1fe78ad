import { t } from '../../shared/i18n.ts';
import type { ConnectMethod, ManagedPolicy } from '../../shared/protocol.ts';
import { identityIsOptional, requestSignInPermissions } from '../sign-in.ts';

interface MethodChoiceProps {
  method: ConnectMethod;
  /** The organization's choice; a single method is shown as a locked line instead of a choice. */
  allowed: ManagedPolicy['methods'];
  disabled: boolean;
  onMethod(method: ConnectMethod): void;
  /** The identity permission request made by picking sign-in has settled (the redirect URI may read better now). */
  onIdentitySettled(): void;
}

const OPTIONS: { method: ConnectMethod; label: 'options_methodOAuth' | 'options_methodToken'; help: 'options_methodOAuthHelp' | 'options_methodTokenHelp' }[] = [
  { method: 'oauth', label: 'options_methodOAuth', help: 'options_methodOAuthHelp' },
  { method: 'token', label: 'options_methodToken', help: 'options_methodTokenHelp' },
];

/**
 * "Sign in with Space" or "Personal token": native radios in a fieldset, so arrow keys move between them and
 * screen readers announce the group. Picking sign-in asks Chrome for the optional `identity` permission in that
 * same gesture (no prompt: it has no warning), so the exact redirect URI can be shown.
 */
export function MethodChoice({ method, allowed, disabled, onMethod, onIdentitySettled }: MethodChoiceProps) {
  if (allowed !== 'both') {
    const only = OPTIONS.find((o) => o.method === allowed) ?? OPTIONS[1]!;
    return (
      <p class="method-locked" data-testid="managed-method">
        <strong>{t(only.label)}</strong> <span class="help managed">{t('options_managed')}</span>
      </p>
    );
  }
  const pick = (next: ConnectMethod) => {
    // Synchronously, inside the click or key press that changed the choice.
    if (next === 'oauth' && identityIsOptional()) {
      requestSignInPermissions(null).catch(() => false).finally(onIdentitySettled);
    }
    onMethod(next);
  };
  return (
    <fieldset class="method-choice" disabled={disabled}>
      <legend>{t('options_methodLegend')}</legend>
      {OPTIONS.map((o) => (
        <div class="radio" key={o.method}>
          <input
            type="radio"
            id={`method-${o.method}`}
            name="connect-method"
            value={o.method}
            checked={method === o.method}
            aria-describedby={`method-${o.method}-help`}
            data-testid={`method-${o.method}`}
            onChange={() => pick(o.method)}
          />
          <label for={`method-${o.method}`}>{t(o.label)}</label>
          <p id={`method-${o.method}-help`} class="help">{t(o.help)}</p>
        </div>
      ))}
    </fieldset>
  );
}
