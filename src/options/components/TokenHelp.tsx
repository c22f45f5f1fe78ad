import { t, type MessageKey } from '../../shared/i18n.ts';
import type { ConnectMethod } from '../../shared/protocol.ts';
import { REQUIRED_PERMISSIONS } from '../../kinds/required-permissions.ts';
import { applicationsUrl, personalTokensUrl } from '../../space/web-urls.ts';

/** `Project.Issues.View` → `perm_Project_Issues_View`: what Space's token dialog calls it. */
const permissionNameKey = (code: string) => `perm_${code.replaceAll('.', '_')}` as MessageKey;

interface TokenHelpProps {
  /** A normalized origin (from the field or the saved connection), or null while none is valid. */
  origin: string | null;
  /** A personal token (where to create it), or "Sign in with Space" (what the application needs). */
  method?: ConnectMethod;
}

/**
 * The permissions to grant: to the personal token, or to the application registered for "Sign in with Space"
 * (which asks for exactly these, each as `global:<permission>`: src/kinds/required-permissions.ts) — and where to do it.
 */
export function TokenHelp({ origin, method = 'token' }: TokenHelpProps) {
  const oauth = method === 'oauth';
  return (
    <section class="panel" aria-labelledby="perm-heading">
      <h2 id="perm-heading">{oauth ? t('options_appPermissionsHeading') : t('options_permissionsHeading')}</h2>
      <p>{oauth ? t('options_appPermissionsAdvice') : t('options_permissionsAdvice')}</p>
      <ul class="permissions" data-testid="permission-list">
        {REQUIRED_PERMISSIONS.map((code) => (
          <li key={code}>
            <code>{oauth ? `global:${code}` : code}</code> <span class="muted">— {t(permissionNameKey(code))}</span>
          </li>
        ))}
      </ul>
      <p>
        {origin ? (
          // Built from the normalized origin only; rel keeps the new tab from reaching back into this page.
          <a href={oauth ? applicationsUrl(origin) : personalTokensUrl(origin)} target="_blank" rel="noopener noreferrer"
            data-testid={oauth ? 'apps-page-link' : 'token-page-link'}>
            {oauth ? t('options_appsLink') : t('options_tokenPageLink')}
          </a>
        ) : (
          <span class="muted">{oauth ? t('options_appsNeedsUrl') : t('options_tokenPageNeedsUrl')}</span>
        )}
      </p>
    </section>
  );
}
