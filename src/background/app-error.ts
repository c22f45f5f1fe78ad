/**
 * The one place where anything thrown inside the worker becomes an `AppError` a page may see.
 *
 * The worker sends codes and details, no prose: pages word them in the user's language
 * (src/shared/error-text.ts + _locales). SpaceErrors keep their code and details (the client keeps tokens and
 * response bodies out of them). Our own failures travel as `AppFailure`. Anything else — a TypeError, a
 * DOMException from storage — becomes a bare 'internal' error: its text might hold a URL or a header value,
 * so nothing of it is passed on.
 */
import type { AppError } from '../shared/protocol.ts';
import { isSpaceError, type SpaceErrorDetails } from '../space/errors.ts';

export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.error = error;
  }
}

/** Which input a `bad-request` refused: a token with spaces or unusual characters, or an id no page sends. */
export type BadRequestReason = 'token-format' | 'project-key' | 'avatar-id' | 'repository-id';

const fail = (error: AppError) => new AppFailure(error);

export const failures = {
  notConfigured: () => fail({ code: 'not-configured' }),
  noHostPermission: (host: string) => fail({ code: 'no-host-permission', host }),
  /** `subject`: the refused value, when showing it helps (cut short by the caller). */
  badRequest: (reason: BadRequestReason, subject?: string) =>
    fail(subject === undefined ? { code: 'bad-request', reason } : { code: 'bad-request', reason, subject }),
  tokenRejected: () => fail({ code: 'unauthorized' }),
  unsupportedImage: () => fail({ code: 'bad-response', reason: 'not-image', op: 'avatar' }),
};

export const INTERNAL_ERROR: AppError = Object.freeze({ code: 'internal' });

/** A message that failed validation or came from a sender we don't answer. */
export const BAD_REQUEST: AppError = Object.freeze({ code: 'bad-request' });

/**
 * Every detail of a SpaceError, all safe for a page (see `SpaceErrorDetails`). A Record, so a detail added
 * there without a decision here is a compile error.
 */
const DETAILS: Record<keyof SpaceErrorDetails, true> = {
  host: true, op: true, subject: true, status: true, permission: true, retryAfterMs: true, reason: true,
};

export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return { ...e.error };
  if (isSpaceError(e)) {
    const out: AppError = { code: e.code };
    for (const key of Object.keys(DETAILS) as (keyof SpaceErrorDetails)[]) {
      if (e[key] !== undefined) Object.assign(out, { [key]: e[key] });
    }
    return out;
  }
  return { ...INTERNAL_ERROR };
}
