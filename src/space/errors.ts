/**
 * The one error type the client throws. Every distinct cause has its own code; the message is written
 * for a user and never contains the token or a raw response body.
 */
export type SpaceErrorCode =
  | 'invalid-url'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  /** Space answered 400 `validation-error` / `request-error` to a request of ours (not "unsupported"). */
  | 'invalid-request'
  | 'unsupported'
  | 'rate-limited'
  | 'server'
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'bad-response';

export interface SpaceErrorDetails {
  /** HTTP status when there was a response. */
  status?: number;
  /** For `forbidden`: the permission Space named, when it did (e.g. "Project.Issues.View"). */
  permission?: string;
  /** For `rate-limited`: the delay Space asked for, in ms. */
  retryAfterMs?: number;
  /**
   * For `invalid-url`: which rule the input broke (`InvalidUrlReason`). For `bad-response`: what was wrong
   * (`not-json`, `too-large`, `html`, `redirect`, `not-image`, `unexpected-status`, `shape:<field path>`).
   */
  reason?: string;
}

export class SpaceError extends Error {
  override readonly name = 'SpaceError';
  readonly code: SpaceErrorCode;
  /** What the user can do about it. */
  readonly hint: string;
  readonly status?: number;
  readonly permission?: string;
  readonly retryAfterMs?: number;
  readonly reason?: string;

  constructor(code: SpaceErrorCode, message: string, hint: string, details: SpaceErrorDetails = {}) {
    super(message);
    this.code = code;
    this.hint = hint;
    Object.assign(this, details);
  }
}

export function isSpaceError(e: unknown): e is SpaceError {
  return e instanceof SpaceError;
}
