/**
 * The user-facing SpaceError for every way a call can fail. Messages are composed only from our own
 * words, the host, what was being looked up and (for 403) a strictly matched permission name —
 * never from the token or raw response text, since a body can echo request headers.
 */
import { SpaceError } from './errors.ts';
import { describePermission } from './permissions.ts';

export interface FailureContext {
  /** `space.example.com` or `127.0.0.1:8084`. */
  host: string;
  /** What was being done, as a gerund phrase: "searching people", "looking up issue ABC-T-12". */
  what: string;
  /** The thing that may not exist, capitalized: "Issue ABC-T-12", "Project ABC". */
  subject?: string;
  /** The permission Space documents for this endpoint, used in hints when Space names none. */
  permission?: string;
}

export type BadResponseReason =
  | 'not-json'
  | 'too-large'
  | 'html'
  | 'redirect'
  | 'not-image'
  | 'unexpected-status'
  | `shape:${string}`;

const TOKEN_HINT = 'Create a new personal token in Space (Preferences → Personal Tokens) and replace it in Options.';

export function unauthorized(ctx: FailureContext, expired: boolean, status = 401): SpaceError {
  return new SpaceError(
    'unauthorized',
    expired
      ? `The token for ${ctx.host} has expired.`
      : `${ctx.host} rejected the token (it may have been revoked or expired).`,
    TOKEN_HINT,
    { status },
  );
}

export function forbidden(ctx: FailureContext, permission: string | undefined): SpaceError {
  if (permission !== undefined) {
    return new SpaceError(
      'forbidden',
      `Your token doesn't have the ${describePermission(permission)} permission needed for ${ctx.what}.`,
      'In Space, edit the personal token and grant that permission, or ask an administrator to grant it to you.',
      { status: 403, permission },
    );
  }
  const expected = ctx.permission === undefined ? '' : ` It usually needs ${describePermission(ctx.permission)}.`;
  return new SpaceError(
    'forbidden',
    `Your token lacks a permission needed for ${ctx.what}.`,
    `Grant the token more permissions in Space (Preferences → Personal Tokens), or ask an administrator.${expected}`,
    { status: 403 },
  );
}

/** `status` is Space's: 404, or 400 when Space refused a user-typed key or name as malformed. */
export function notFound(ctx: FailureContext, status = 404): SpaceError {
  return new SpaceError(
    'not-found',
    `${ctx.subject ?? 'It'} wasn't found on ${ctx.host}.`,
    'Check the spelling. It may also have been deleted or moved, or be hidden from your token.',
    { status },
  );
}

/**
 * Space refused a request of ours as invalid (400 `validation-error` / `request-error`, space-api.md §5, §12).
 * Our requests are fixed shapes, so this points at a difference between this Space version and the extension
 * (or a bug in it) — not at the server lacking the feature. Space's description is not shown: it is raw text.
 */
export function invalidRequest(ctx: FailureContext, status: number): SpaceError {
  return new SpaceError(
    'invalid-request',
    `${ctx.host} refused our request as invalid while ${ctx.what} (HTTP ${status}).`,
    'Your Space version may expect a different request. Other lookups keep working; if this one keeps failing, report it.',
    { status },
  );
}

/**
 * The server has no such endpoint (405/501, or a 404 without Space's `not-found` body on a collection):
 * this Space version's API differs from the one the extension was written against (space-api.md §9).
 * Nothing the user can fix.
 */
export function unsupported(ctx: FailureContext, status: number): SpaceError {
  return new SpaceError(
    'unsupported',
    `This Space server (${ctx.host}) doesn't support ${ctx.what}.`,
    'Your Space version offers a different API for it. Other lookups keep working.',
    { status },
  );
}

export function rateLimited(ctx: FailureContext, retryAfterMs: number | null, status = 429): SpaceError {
  const wait = retryAfterMs === null ? 'a moment' : formatDuration(retryAfterMs);
  return new SpaceError(
    'rate-limited',
    `${ctx.host} is receiving too many requests and asked us to slow down.`,
    `Try again in ${wait}.`,
    retryAfterMs === null ? { status } : { status, retryAfterMs },
  );
}

export function server(ctx: FailureContext, status: number): SpaceError {
  const what = status === 502 || status === 504
    ? `The gateway in front of ${ctx.host} couldn't get an answer from Space`
    : status === 503
      ? `Space at ${ctx.host} is temporarily unavailable`
      : `Space at ${ctx.host} ran into an internal error`;
  return new SpaceError(
    'server',
    `${what} (HTTP ${status}).`,
    'Try again in a moment. If it keeps happening, tell your Space administrator.',
    { status },
  );
}

export function unreachable(ctx: FailureContext): SpaceError {
  return new SpaceError(
    'unreachable',
    `Can't reach ${ctx.host}.`,
    'Check your network connection (and VPN), and that the Space address in Options is right.',
  );
}

/** `ms` null: the server itself reported a timeout (408). */
export function timeout(ctx: FailureContext, ms: number | null, status?: number): SpaceError {
  return new SpaceError(
    'timeout',
    ms === null ? `${ctx.host} took too long to answer.` : `${ctx.host} didn't answer within ${formatDuration(ms)}.`,
    'Space or the network may be slow right now. Try again.',
    status === undefined ? {} : { status },
  );
}

export function cancelled(): SpaceError {
  return new SpaceError('cancelled', 'The request was cancelled.', 'Nothing to do: a newer request replaced it.');
}

export function badResponse(ctx: FailureContext, reason: BadResponseReason, status?: number): SpaceError {
  const details = status === undefined ? { reason } : { reason, status };
  switch (reason) {
    case 'too-large':
      return new SpaceError('bad-response', `The answer from ${ctx.host} for ${ctx.what} was too large to read.`,
        'Try a narrower search.', details);
    case 'html':
      return new SpaceError('bad-response', `${ctx.host} answered with a web page instead of Space data.`,
        'Check that the address points to Space itself, not to a sign-in page or proxy.', details);
    case 'redirect':
      return new SpaceError('bad-response', `${ctx.host} redirected the request to another address.`,
        'Enter the address Space finally opens at in the browser (for example with https://).', details);
    case 'not-image':
      return new SpaceError('bad-response', `${ctx.host} sent something other than an image when ${ctx.what}.`,
        'The picture is shown as initials instead.', details);
    case 'unexpected-status':
      return new SpaceError('bad-response', `${ctx.host} gave an unexpected answer${status === undefined ? '' : ` (HTTP ${status})`} for ${ctx.what}.`,
        'Try again. If it keeps happening, check the Space address in Options.', details);
    default:
      return new SpaceError('bad-response', `${ctx.host} sent data Space Lookup couldn't read for ${ctx.what}.`,
        'Your Space version may be incompatible with this extension. Other lookups may still work.', details);
  }
}

function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
