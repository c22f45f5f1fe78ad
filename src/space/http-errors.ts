/**
 * The SpaceError for each way an HTTP call to Space can go wrong: a code plus the details a page (or
 * `describeSpaceError`) needs to word it. Details come only from the request itself (host, operation, the identifier asked for),
 * the status, and for 403 a strictly matched permission name — never from the token or raw response text,
 * since a body can echo request headers.
 */
import { SpaceError, type SpaceOperation } from './errors.ts';

/** What a call was about, copied into its error. */
export interface CallContext {
  /** `space.example.com` or `127.0.0.1:8084`. */
  host: string;
  /** Absent for the OAuth endpoints (`SpaceHttp.send`), whose callers make their own error of it. */
  op?: SpaceOperation;
  /** Which item (see `SpaceOperation`). */
  subject?: string;
}

export type BadResponseReason =
  | 'not-json'
  | 'too-large'
  | 'html'
  | 'redirect'
  | 'not-image'
  | 'unexpected-status'
  | `shape:${string}`;

/** `expired`: Space said so ("Access token has expired"); otherwise the token was rejected (revoked, unknown). */
export function unauthorized(ctx: CallContext, expired: boolean, status = 401): SpaceError {
  return new SpaceError('unauthorized', expired ? { ...ctx, status, reason: 'expired' } : { ...ctx, status });
}

/** `permission`: the one Space named, if it did. */
export function forbidden(ctx: CallContext, permission: string | undefined): SpaceError {
  return new SpaceError('forbidden', permission === undefined ? { ...ctx, status: 403 } : { ...ctx, status: 403, permission });
}

/** `status` is Space's: 404, or 400 when Space refused a user-typed key or name as malformed. */
export function notFound(ctx: CallContext, status = 404): SpaceError {
  return new SpaceError('not-found', { ...ctx, status });
}

/**
 * Space refused a request of ours as invalid (400 `validation-error` / `request-error`, space-api.md §5, §12).
 * Our requests are fixed shapes, so this points at a difference between this Space version and the extension
 * (or a bug in it) — not at the server lacking the feature. Space's description is not kept: it is raw text.
 */
export function invalidRequest(ctx: CallContext, status: number): SpaceError {
  return new SpaceError('invalid-request', { ...ctx, status });
}

/**
 * The server has no such endpoint (405/501, or a 404 without Space's `not-found` body on a collection):
 * this Space version's API differs from the one the extension was written against (space-api.md §9).
 * Nothing the user can fix.
 */
export function unsupported(ctx: CallContext, status: number): SpaceError {
  return new SpaceError('unsupported', { ...ctx, status });
}

export function rateLimited(ctx: CallContext, retryAfterMs: number | null, status = 429): SpaceError {
  return new SpaceError('rate-limited', retryAfterMs === null ? { ...ctx, status } : { ...ctx, status, retryAfterMs });
}

/** 5xx: 502/504 a gateway without an answer from Space, 503 temporarily unavailable, others an internal error. */
export function server(ctx: CallContext, status: number): SpaceError {
  return new SpaceError('server', { ...ctx, status });
}

export function unreachable(ctx: CallContext): SpaceError {
  return new SpaceError('unreachable', { ...ctx });
}

/** Our per-attempt timeout ran out, or (`status` 408) the server itself reported one. */
export function timeout(ctx: CallContext, status?: number): SpaceError {
  return new SpaceError('timeout', status === undefined ? { ...ctx } : { ...ctx, status });
}

export function cancelled(): SpaceError {
  return new SpaceError('cancelled');
}

export function badResponse(ctx: CallContext, reason: BadResponseReason, status?: number): SpaceError {
  return new SpaceError('bad-response', status === undefined ? { ...ctx, reason } : { ...ctx, reason, status });
}

/** An attempt that went wrong, with what the retry loop needs to decide. */
export class FailedAttempt {
  constructor(
    readonly error: SpaceError,
    readonly transient: boolean,
    readonly retryAfterMs: number | null = null,
  ) {}
}
