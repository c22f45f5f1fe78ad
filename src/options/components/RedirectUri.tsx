import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { applicationsUrl } from '../../space/web-urls.ts';
import { redirectUri } from '../sign-in.ts';

interface RedirectUriProps {
  /** A normalized origin (typed or managed), or null while none is valid. */
  origin: string | null;
}

/**
 * What to set up in Space for "Sign in with Space": the exact redirect URI to register (with a copy button), the
 * steps, and a link to where applications are registered. The permissions to grant are listed below the form
 * (TokenHelp).
 */
export function RedirectUri({ origin }: RedirectUriProps) {
  const { uri, exact } = redirectUri();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div class="form-row redirect">
      <label for="redirect-uri">{t('options_redirectLabel')}</label>
      <div class="copy-row">
        <input
          id="redirect-uri"
          type="text"
          readOnly
          value={uri}
          spellcheck={false}
          aria-describedby="redirect-help"
          data-testid="redirect-uri"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy} data-testid="copy-redirect-uri">{t('options_copy')}</button>
      </div>
      <p class="help" role="status" data-testid="copy-status">
        {copied === 'yes' ? t('options_copied') : copied === 'failed' ? t('options_copyFailed') : ''}
      </p>
      <p id="redirect-help" class="help">{exact ? t('options_redirectHelp') : t('options_redirectHelpChrome')}</p>
      <p class="help">{t('options_appSteps')}</p>
      <p class="help">
        {origin ? (
          // Built from the normalized origin only; rel keeps the new tab from reaching back into this page.
          <a href={applicationsUrl(origin)} target="_blank" rel="noopener noreferrer" data-testid="apps-link">
            {t('options_appsLink')}
          </a>
        ) : (
          <span class="muted">{t('options_appsNeedsUrl')}</span>
        )}
      </p>
    </div>
  );
}
