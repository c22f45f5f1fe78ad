/**
 * The one place where anything thrown inside the worker becomes an `AppError` a page may see.
 *
 * SpaceErrors keep their code, message and hint (the client writes them for users and keeps tokens and
 * response bodies out). Our own failures travel as `AppFailure`. Anything else — a TypeError, a DOMException
 * from storage — becomes a generic 'internal' error: its text might hold a URL or a header value, so it is
 * never passed on.
 */
import type { AppError, AppErrorCode } from '../shared/protocol.ts';
import { isSpaceError } from '../space/errors.ts';

export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

function fail(code: AppErrorCode, message: string, hint: string, extra: Partial<AppError> = {}): AppFailure {
  return new AppFailure({ code, message, hint, ...extra });
}

export const failures = {
  notConfigured: () =>
    fail('not-configured', 'Space Lookup is not connected to Space yet.', 'Open Options and connect your Space organization.'),
  noHostPermission: (host: string) =>
    fail('no-host-permission', `No access to ${host}.`, `Open Options and grant access to ${host}.`),
  badRequest: (message = 'The request was not understood.') =>
    fail('bad-request', message, 'Reload the extension page and try again.'),
  tokenRejected: () =>
    fail('unauthorized', 'Space rejected the saved token (revoked or expired).', 'Replace the token in Options.'),
  unsupportedImage: () =>
    fail('bad-response', 'The avatar is not a supported image.', 'Initials are shown instead.'),
};

export const INTERNAL_ERROR: AppError = Object.freeze({
  code: 'internal',
  message: 'Something went wrong inside Space Lookup.',
  hint: 'Try again; if it keeps happening, reload the extension.',
});

export const BAD_REQUEST: AppError = Object.freeze({ ...failures.badRequest().error });

export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return { ...e.error };
  if (isSpaceError(e)) {
    const out: AppError = { code: e.code, message: e.message, hint: e.hint };
    if (e.permission !== undefined) out.permission = e.permission;
    if (e.retryAfterMs !== undefined) out.retryAfterMs = e.retryAfterMs;
    if (e.reason !== undefined) out.reason = e.reason;
    return out;
  }
  return { ...INTERNAL_ERROR };
}
