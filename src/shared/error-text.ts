/**
 * One taxonomy of errors for the popup and the options page: every AppError code maps to a
 * localized title and a concrete fix, worded for where the user is looking. The worker sends only the code
 * and its details (host, permission, retryAfterMs, reason…); all the words are here and in _locales.
 */
import type { AppError, AppErrorCode } from './protocol.ts';
import type { InvalidUrlReason } from '../space/base-url.ts';
import { t, type MessageKey } from './i18n.ts';

export type ErrorPlace = 'popup' | 'options';

/** What the UI can offer next to the message. */
export type ErrorAction = 'open-options' | 'retry' | null;

export interface ErrorText {
  title: string;
  fix: string;
  action: ErrorAction;
}

export interface ErrorContext {
  where: ErrorPlace;
  /** The Space host, when known, so messages can name it (the error's own `host` wins). */
  host?: string | null;
  /** True while connecting: a server that answers oddly is then "not a Space server". */
  connecting?: boolean;
}

const URL_REASON_KEYS: Record<InvalidUrlReason, MessageKey> = {
  'empty': 'url_empty',
  'unsupported-scheme': 'url_unsupportedScheme',
  'credentials': 'url_credentials',
  'invalid-host': 'url_invalidHost',
  'insecure-http': 'url_insecureHttp',
  'loopback-alias': 'url_loopbackAlias',
};

/** Localized reason for an invalid Space address (from `normalizeBaseUrl` or a worker `invalid-url`). */
export function invalidUrlText(reason: string | undefined, fallback?: string): ErrorText {
  const key = reason !== undefined && Object.hasOwn(URL_REASON_KEYS, reason)
    ? URL_REASON_KEYS[reason as InvalidUrlReason]
    : null;
  const why = key ? t(key) : fallback || t('url_invalidHost');
  return { title: t('err_invalidUrl_title'), fix: `${why} ${t('url_example')}`, action: null };
}

/**
 * How each code reads, as letters (data, not code, to keep the popup bundle small):
 *  r  worth retrying (offer "Try again");
 *  o  fixed in Options (the popup offers to open them);
 *  h  the title names the host (`err_<code>_title` with the host, `err_<code>NoHost_title` without);
 *  f  the options page has its own fix text (`err_<code>Options_fix`);
 *  s  while connecting, it means "this is not a Space server".
 * A Record, so a new AppErrorCode without an entry is a compile error; the unit test checks every key exists.
 */
const TRAITS: Record<AppErrorCode, string> = {
  'invalid-url': '',
  'unauthorized': 'of',
  'forbidden': 'o',
  'not-found': 's',
  // Space refused our request as malformed (400 validation-error / request-error): retrying the same request
  // gives the same answer, and it says nothing about whether this is a Space server.
  'invalid-request': '',
  'unsupported': 's',
  'rate-limited': 'r',
  'server': 'r',
  'unreachable': 'rh',
  'timeout': 'r',
  'cancelled': 'r',
  'bad-response': 'rs',
  'not-configured': 'o',
  'no-host-permission': 'ohf',
  'bad-request': '',
  'internal': 'r',
  // "Sign in with Space" (issue 8). The options page words `oauth` and `policy` by reason (src/options/sign-in-text.ts).
  'sign-in-again': 'ohf',
  'oauth': '',
  'policy': '',
};

/** `no-host-permission` → `noHostPermission`, the stem of its message keys. */
const stem = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export function errorText(error: AppError, ctx: ErrorContext): ErrorText {
  const code: AppErrorCode = Object.hasOwn(TRAITS, error.code) ? error.code : 'internal';
  if (code === 'invalid-url') return invalidUrlText(error.reason);
  const traits = TRAITS[code];
  const host = error.host || ctx.host;
  if (ctx.connecting && traits.includes('s')) {
    return {
      title: host ? t('err_notSpace_title', host) : t('err_badResponse_title'),
      fix: t('err_notSpace_fix'),
      action: null,
    };
  }
  const base = `err_${stem(code)}`;
  const title = code === 'forbidden' && error.permission ? t('err_forbiddenNamed_title', error.permission)
    : traits.includes('h') ? (host ? t(`${base}_title` as MessageKey, host) : t(`${base}NoHost_title` as MessageKey))
    : t(`${base}_title` as MessageKey);
  const fix = code === 'rate-limited' && error.retryAfterMs !== undefined && error.retryAfterMs > 0
    ? t('err_rateLimitedIn_fix', String(Math.ceil(error.retryAfterMs / 1000)))
    : t((ctx.where === 'options' && traits.includes('f') ? `${base}Options_fix` : `${base}_fix`) as MessageKey);
  const action: ErrorAction = ctx.where === 'popup' && traits.includes('o') ? 'open-options'
    : traits.includes('r') ? 'retry'
    : null;
  return { title, fix, action };
}

/** The one-line form used for quiet per-kind notes and status lines. */
export function errorLine(error: AppError, ctx: ErrorContext): string {
  const { title, fix } = errorText(error, ctx);
  return fix ? `${title}. ${fix}` : title;
}

/** The host permission prompt was declined (options page only; not an AppError from the worker). */
export function declinedText(host: string): ErrorText {
  return { title: t('err_declined_title', host), fix: t('err_declined_fix'), action: null };
}

export function tokenMissingText(): ErrorText {
  return { title: t('err_tokenMissing_title'), fix: t('err_tokenMissing_fix'), action: null };
}

/** `permissions.request` itself threw (e.g. the pattern is not in optional_host_permissions). */
export function permissionRequestFailedText(host: string): ErrorText {
  return { title: t('err_permissionRequestFailed_title', host), fix: t('err_internal_fix'), action: null };
}
