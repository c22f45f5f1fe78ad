/**
 * One taxonomy of failures for the popup and the options page: every AppError code maps to a
 * localized title and a concrete fix, worded for where the user is looking.
 * The worker's own `message`/`hint` are English; pages show these localized texts instead.
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
  /** The Space host, when known, so messages can name it. */
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
};

/** Localized reason for an invalid Space address (from `normalizeBaseUrl` or a worker `invalid-url`). */
export function invalidUrlText(reason: string | undefined, fallback?: string): ErrorText {
  const key = reason !== undefined && Object.hasOwn(URL_REASON_KEYS, reason)
    ? URL_REASON_KEYS[reason as InvalidUrlReason]
    : null;
  const why = key ? t(key) : fallback || t('url_invalidHost');
  return { title: t('err_invalidUrl_title'), fix: `${why} ${t('url_example')}`, action: null };
}

type Describe = (error: AppError, ctx: ErrorContext) => ErrorText;

const hostOr = (ctx: ErrorContext, withHost: MessageKey, without: MessageKey): string =>
  ctx.host ? t(withHost, ctx.host) : t(without);

const notSpace: Describe = (_e, ctx) => ({
  title: ctx.host ? t('err_notSpace_title', ctx.host) : t('err_badResponse_title'),
  fix: t('err_notSpace_fix'),
  action: null,
});

/** Exhaustive by construction: adding an AppErrorCode without a text is a compile error. */
const DESCRIBE: Record<AppErrorCode, Describe> = {
  'invalid-url': (e) => invalidUrlText(e.reason, e.message),
  'unauthorized': (_e, ctx) => ({
    title: t('err_unauthorized_title'),
    fix: t(ctx.where === 'options' ? 'err_unauthorizedOptions_fix' : 'err_unauthorized_fix'),
    action: ctx.where === 'popup' ? 'open-options' : null,
  }),
  'forbidden': (e, ctx) => ({
    title: e.permission ? t('err_forbiddenNamed_title', e.permission) : t('err_forbidden_title'),
    fix: t('err_forbidden_fix'),
    action: ctx.where === 'popup' ? 'open-options' : null,
  }),
  'not-found': (e, ctx) => ctx.connecting
    ? notSpace(e, ctx)
    : { title: t('err_notFound_title'), fix: t('err_notFound_fix'), action: null },
  'unsupported': (e, ctx) => ctx.connecting
    ? notSpace(e, ctx)
    : { title: t('err_unsupported_title'), fix: t('err_unsupported_fix'), action: null },
  'bad-response': (e, ctx) => ctx.connecting
    ? notSpace(e, ctx)
    : { title: t('err_badResponse_title'), fix: t('err_badResponse_fix'), action: 'retry' },
  'rate-limited': (e) => ({
    title: t('err_rateLimited_title'),
    fix: e.retryAfterMs !== undefined && e.retryAfterMs > 0
      ? t('err_rateLimitedIn_fix', String(Math.ceil(e.retryAfterMs / 1000)))
      : t('err_rateLimited_fix'),
    action: 'retry',
  }),
  'server': () => ({ title: t('err_server_title'), fix: t('err_server_fix'), action: 'retry' }),
  'unreachable': (_e, ctx) => ({
    title: hostOr(ctx, 'err_unreachable_title', 'err_unreachableNoHost_title'),
    fix: t('err_unreachable_fix'),
    action: 'retry',
  }),
  'timeout': () => ({ title: t('err_timeout_title'), fix: t('err_timeout_fix'), action: 'retry' }),
  'cancelled': () => ({ title: t('err_cancelled_title'), fix: t('err_cancelled_fix'), action: 'retry' }),
  'not-configured': (_e, ctx) => ({
    title: t('err_notConfigured_title'),
    fix: t('err_notConfigured_fix'),
    action: ctx.where === 'popup' ? 'open-options' : null,
  }),
  'no-host-permission': (_e, ctx) => ({
    title: hostOr(ctx, 'err_noHostPermission_title', 'err_noHostPermissionNoHost_title'),
    fix: t(ctx.where === 'options' ? 'err_noHostPermissionOptions_fix' : 'err_noHostPermission_fix'),
    action: ctx.where === 'popup' ? 'open-options' : null,
  }),
  'bad-request': () => ({ title: t('err_badRequest_title'), fix: t('err_badRequest_fix'), action: null }),
  'internal': () => ({ title: t('err_internal_title'), fix: t('err_internal_fix'), action: 'retry' }),
};

export function errorText(error: AppError, ctx: ErrorContext): ErrorText {
  const describe = Object.hasOwn(DESCRIBE, error.code) ? DESCRIBE[error.code] : DESCRIBE.internal;
  return describe(error, ctx);
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
