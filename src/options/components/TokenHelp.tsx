import { t, type MessageKey } from '../../shared/i18n.ts';
import { personalTokensUrl } from '../../space/web-urls.ts';

/** The read permissions the extension uses, in the order Space's token dialog groups them. */
export const REQUIRED_PERMISSIONS = [
  'Profile.View',
  'Profile.WorkingDays.View',
  'Profile.Locations.View',
  'Locations.View',
  'Team.View',
  'Project.View',
  'Project.Issues.View',
  'Project.CodeReview.View',
  'VcsRepository.Read',
] as const;

/** `Project.Issues.View` → `perm_Project_Issues_View`: what Space's token dialog calls it. */
export const permissionNameKey = (code: string) => `perm_${code.replaceAll('.', '_')}` as MessageKey;

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
