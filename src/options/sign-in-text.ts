/**
 * How the options page words a failed "Sign in with Space" (`oauth` errors, by reason) and a request the
 * organization's managed settings refused (`policy` errors): each with its own title and fix. The reference
 * wording for Node is `describeOAuthError` (src/space/oauth/describe.ts); these are the localized ones.
 * Everything else goes to `errorText` (src/shared/error-text.ts).
 */
import type { ErrorText } from '../shared/error-text.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import type { AppError } from '../shared/protocol.ts';

/** `oauth` reason → the stem of its `signin_<stem>_title` / `_fix` keys. Unknown reasons read as `other`. */
const SIGN_IN_STEMS: Record<string, string> = {
  'window-closed': 'windowClosed',
  'access-denied': 'accessDenied',
  'invalid-client': 'invalidClient',
  'redirect-uri-mismatch': 'redirectUriMismatch',
  'pkce-required': 'pkceRequired',
  'clock-skew': 'clockSkew',
  'invalid-grant': 'invalidGrant',
  'invalid-scope': 'invalidScope',
  'state-mismatch': 'stateMismatch',
  'no-identity': 'noIdentity',
  'in-progress': 'inProgress',
  'page-not-loaded': 'pageNotLoaded',
};

const POLICY_STEMS: Record<string, string> = { url: 'url', method: 'method', 'client-id': 'clientId', invalid: 'invalid' };

/** The specific text for an `oauth` or `policy` error; null for any other code. */
export function signInErrorText(error: AppError): ErrorText | null {
  const host = error.host || 'Space';
  if (error.code === 'oauth') {
    const stem = (error.reason !== undefined && Object.hasOwn(SIGN_IN_STEMS, error.reason) ? SIGN_IN_STEMS[error.reason] : 'other') as string;
    return { title: t(`signin_${stem}_title` as MessageKey, host), fix: t(`signin_${stem}_fix` as MessageKey), action: null };
  }
  if (error.code === 'policy') {
    const stem = (error.reason !== undefined && Object.hasOwn(POLICY_STEMS, error.reason) ? POLICY_STEMS[error.reason] : 'invalid') as string;
    return { title: t(`policy_${stem}_title` as MessageKey, host), fix: t(`policy_${stem}_fix` as MessageKey), action: null };
  }
  return null;
}

/** Every `oauth` reason and `policy` reason the page words (for the test that every key exists). */
export const SIGN_IN_REASONS = [...Object.keys(SIGN_IN_STEMS), 'invalid-request'];
export const POLICY_REASONS = Object.keys(POLICY_STEMS);

export function clientIdMissingText(): ErrorText {
  return { title: t('signin_clientIdMissing_title'), fix: t('signin_clientIdMissing_fix'), action: null };
}
