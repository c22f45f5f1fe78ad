/**
 * The one place where anything thrown inside the worker becomes an `AppError` a page may see.
 *
 * The worker sends codes and details, no prose: pages word them in the user's language
 * (src/shared/error-text.ts + _locales). SpaceErrors keep their code and details (the client keeps tokens and
 * response bodies out of them). The worker's own errors are thrown as `WorkerError`, carrying their AppError.
 * Anything else — a TypeError, a DOMException from storage — becomes a bare 'internal' error: its text might hold
 * a URL or a header value, so nothing of it is passed on.
 */
import type { AppError, PolicyRefusal, SignInReason } from '../shared/protocol.ts';
import { isSpaceError, type SpaceErrorDetails } from '../space/errors.ts';
import { isOAuthError, type OAuthError } from '../space/oauth/errors.ts';

/** An error of the worker's own making (not Space's, not OAuth's): thrown with the AppError a page will get. */
export class WorkerError extends Error {
  override readonly name = 'WorkerError';
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.error = error;
  }
}

/** Which input a `bad-request` refused: a token with spaces or unusual characters, or an id no page sends. */
export type BadRequestReason = 'token-format' | 'client-id' | 'project-key' | 'avatar-id' | 'details-id'
  /** Home lists (issue 14): MAX_PINNED pins already; the item to pin is nowhere the worker holds; from a private window. */
  | 'pin-limit' | 'pin-unknown' | 'private-window';

const fail = (error: AppError) => new WorkerError(error);

/** The worker's own errors, one maker each: `throw workerErrors.notConfigured()`. */
export const workerErrors = {
  notConfigured: () => fail({ code: 'not-configured' }),
  noHostPermission: (host: string) => fail({ code: 'no-host-permission', host }),
  /** `subject`: the refused value, when showing it helps (cut short by the caller). */
  badRequest: (reason: BadRequestReason, subject?: string) =>
    fail(subject === undefined ? { code: 'bad-request', reason } : { code: 'bad-request', reason, subject }),
  tokenRejected: () => fail({ code: 'unauthorized' }),
  /** "Sign in with Space": Space refused the refresh token (or an access token for another reason than expiry). */
  signInAgain: (host?: string) => fail(host === undefined ? { code: 'sign-in-again' } : { code: 'sign-in-again', host }),
  /** Signing in failed for a reason of the worker's own (the OAuthErrors are mapped by `toAppError`). */
  signIn: (reason: SignInReason, host?: string) => fail(host === undefined ? { code: 'oauth', reason } : { code: 'oauth', reason, host }),
  /** A managed setting refuses the request; `host` names the managed Space for a `url` refusal. */
  policy: (reason: PolicyRefusal, host?: string) => fail(host === undefined ? { code: 'policy', reason } : { code: 'policy', reason, host }),
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
  if (e instanceof WorkerError) return { ...e.error };
  if (isOAuthError(e)) return oauthAppError(e);
  if (isSpaceError(e)) {
    const out: AppError = { code: e.code };
    for (const key of Object.keys(DETAILS) as (keyof SpaceErrorDetails)[]) {
      if (e[key] !== undefined) Object.assign(out, { [key]: e[key] });
    }
    return out;
  }
  return { ...INTERNAL_ERROR };
}

/**
 * An OAuthError (src/space/oauth/errors.ts) as pages see it. Transient errors read like any call's (the popup already
 * words them, as any odd answer); a refused refresh token is "sign in again"; the rest are `oauth` with the OAuthErrorCode as the
 * reason (and the OAuth error code Space sent, only a known one, as the subject). Nothing else of it is copied.
 */
function oauthAppError(e: OAuthError): AppError {
  const host = e.host === undefined ? {} : { host: e.host };
  const status = e.status === undefined ? {} : { status: e.status };
  switch (e.code) {
    case 'server': return { code: 'server', ...host, ...status };
    case 'unreachable': return { code: 'unreachable', ...host };
    case 'timeout': return { code: 'timeout', ...host };
    case 'cancelled': return { code: 'cancelled' };
    case 'refresh-revoked': return { code: 'sign-in-again', ...host };
    // An answer that is not an OAuth one (HTML, not JSON, a redirect, an odd status): read like any odd answer.
    case 'bad-response': return { code: 'bad-response', ...host, ...status, ...(e.reason === undefined ? {} : { reason: e.reason }) };
    default: return {
      code: 'oauth', reason: e.code, ...host, ...status, ...(e.oauthError === undefined ? {} : { subject: e.oauthError }),
    };
  }
}
