import { t, type MessageKey } from '../../shared/i18n.ts';
import { REQUIRED_PERMISSIONS } from '../../space/required-permissions.ts';
import { personalTokensUrl } from '../../space/web-urls.ts';

/** `Project.Issues.View` → `perm_Project_Issues_View`: what Space's token dialog calls it. */
const permissionNameKey = (code: string) => `perm_${code.replaceAll('.', '_')}` as MessageKey;

interface TokenHelpProps {
  /** A normalized origin (from the field or the saved connection), or null while none is valid. */
  origin: string | null;
}

/** Where to create the token and what to give it. */
export function TokenHelp({ origin }: TokenHelpProps) {
  return (
    <section class="panel" aria-labelledby="perm-heading">
      <h2 id="perm-heading">{t('options_permissionsHeading')}</h2>
      <p>{t('options_permissionsAdvice')}</p>
      <ul class="permissions" data-testid="permission-list">
        {REQUIRED_PERMISSIONS.map((code) => (
          <li key={code}>
            <code>{code}</code> <span class="muted">— {t(permissionNameKey(code))}</span>
          </li>
        ))}
      </ul>
      <p>
        {origin ? (
          // Built from the normalized origin only; rel keeps the new tab from reaching back into this page.
          <a href={personalTokensUrl(origin)} target="_blank" rel="noopener noreferrer" data-testid="token-page-link">
            {t('options_tokenPageLink')}
          </a>
        ) : (
          <span class="muted">{t('options_tokenPageNeedsUrl')}</span>
        )}
      </p>
    </section>
  );
}
