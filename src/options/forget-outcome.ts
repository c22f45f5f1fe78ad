import { errorText } from '../shared/error-text.ts';
import { t } from '../shared/i18n.ts';
import type { ConnectMethod, ForgetResult } from '../shared/protocol.ts';

/** Outcome text after Forget (Sign out for a sign-in), including what Space said about the revoke. */
export function forgetOutcome(result: ForgetResult, host: string | null, method: ConnectMethod): string {
  const oauth = method === 'oauth';
  const parts = [oauth ? t('options_signedOut') : t('options_forgotten')];
  if (result.revoked === 'confirmed') parts.push(oauth ? t('options_signOutConfirmed') : t('options_revokeConfirmed'));
  if (result.revoked === 'failed') {
    const why = result.error ? errorText(result.error, { where: 'options', host }).title : t('err_internal_title');
    parts.push(oauth ? t('options_signOutFailed', why) : t('options_revokeFailed', why));
  }
  return parts.join(' ');
}
