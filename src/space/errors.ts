/**
 * The one error type the client throws. Every distinct cause has its own code; the details say the rest
 * (which host, what was being done, about what, Space's status, the permission Space named…).
 *
 * No prose: a page words the error in the user's language from the code and the details (src/shared/
 * error-text.ts + _locales), and tests get English from `describeSpaceError` (test-support/describe.ts), which
 * the service worker never imports. `message` is the code, so a stray log line shows it, never a token or
 * a response body.
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

/**
 * What was being done, named by whoever describes the request: the client's own calls (`me`, `avatar`,
 * `revokeToken`) and each kind's (`src/kinds/<kind>/space.ts`: `searchIssues`, `issue`, a person card's
 * `personTimeZone`…). `subject` says which item: `issue` ABC-T-12, `review` ABC-MR-3, `project`/`searchIssues`/
 * `searchReviews` the project key, `repository` ABC/name, `person*` the username. Pages word an error from its
 * code, not from this.
 */
export type SpaceOperation = string;

export interface SpaceErrorDetails {
  /** The Space host it is about: `space.example.com`, `127.0.0.1:8084`. */
  host?: string;
  op?: SpaceOperation;
  /** The identifier the operation was about (see `SpaceOperation`); a user-typed one is cut to 80 characters. */
  subject?: string;
  /** HTTP status when there was a response. */
  status?: number;
  /** For `forbidden`: the permission Space named, when it did (e.g. "Project.Issues.View"). */
  permission?: string;
  /** For `rate-limited`: the delay Space asked for, in ms. */
  retryAfterMs?: number;
  /**
   * For `invalid-url`: which rule the input broke (`InvalidUrlReason`, or `not-canonical`). For `bad-response`:
   * what was wrong (`not-json`, `too-large`, `html`, `redirect`, `not-image`, `unexpected-status`,
   * `shape:<field path>`). For `unauthorized`: `expired` when Space said the token expired. For `not-found`:
   * `not-a-key` when the text is not a key at all, `empty-id` for an empty or dot identifier.
   */
  reason?: string;
}

export class SpaceError extends Error implements SpaceErrorDetails {
  override readonly name = 'SpaceError';
  readonly code: SpaceErrorCode;
  // Set by Object.assign, only when given (`declare`: no own property holding undefined).
  declare readonly host?: string;
  declare readonly op?: SpaceOperation;
  declare readonly subject?: string;
  declare readonly status?: number;
  declare readonly permission?: string;
  declare readonly retryAfterMs?: number;
  declare readonly reason?: string;

  constructor(code: SpaceErrorCode, details: SpaceErrorDetails = {}) {
    super(code);
    this.code = code;
    Object.assign(this, details);
  }
}

export function isSpaceError(e: unknown): e is SpaceError {
  return e instanceof SpaceError;
}
