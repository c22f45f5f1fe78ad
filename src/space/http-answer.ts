/**
 * What Space answered, read: a refusal's error body and what it means (the SpaceError a non-2xx answer becomes),
 * media types and redirects. Used by the request core (http.ts).
 */
import type { CallContext } from './http-errors.ts';
import * as fail from './http-errors.ts';
import { FailedAttempt } from './http-errors.ts';
import { isObject } from './parse.ts';
import { permissionFromDescription } from './permissions.ts';
import { isSameOriginUrl } from './same-origin.ts';

/** Transient statuses worth another attempt (ky's list minus 413, which won't change). */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** What `refusalError` needs of the attempt: what it was about, and how its endpoint reads a 404 and a 400. */
export interface RefusedAttempt {
  ctx: CallContext;
  /** Default 'not-found' (`RequestBase.on404`). */
  on404?: 'not-found' | 'unsupported';
  /** Default 'invalid-request' (`RequestBase.onInvalid`). */
  onInvalid?: 'invalid-request' | 'not-found';
}

/** A non-2xx answer's error body, as far as it is Space's (or OAuth's: the same two fields, RFC 6749 §5.2). */
export interface SpaceErrorBody {
  error: string | null;
  description: string | null;
}

/** `{error, error_description}` when the body is a Space error (space-api.md §5); nulls otherwise. */
export function spaceErrorBody(bytes: Uint8Array): SpaceErrorBody {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!isObject(json)) return { error: null, description: null };
    return {
      error: typeof json.error === 'string' ? json.error : null,
      description: typeof json.error_description === 'string' ? json.error_description : null,
    };
  } catch {
    return { error: null, description: null };
  }
}

/** `location` resolved against `from`, when it is a plain http(s) URL on `origin`; null otherwise. */
export function sameOriginUrl(location: string, from: string, origin: string): string | null {
  try {
    const url = new URL(location, from);
    return isSameOriginUrl(url.href, origin) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A redirect handed back by `redirect:'manual'`: browsers give an `opaqueredirect` response with status 0
 * (Fetch standard), Node's fetch the 3xx response itself.
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A non-2xx answer as its error: what it is comes from Space's `error` code first, as in both SDKs, and from the
 * status when there is no Space body or its code is unknown (`refusalOf`); the error carries the real status.
 */
export function refusalError(attempt: RefusedAttempt, status: number, body: SpaceErrorBody, retryAfter: number | null, bearer: string): FailedAttempt {
  const { ctx } = attempt;
  switch (refusalOf(status, body.error)) {
    case 'no-such-entity':
      return new FailedAttempt(fail.notFound(ctx, status), false);
    case 'not-found':
      // The SDKs map every 404 to not-found [C §12], and so do we for entity lookups. On a collection or
      // search endpoint (on404 'unsupported') there is no entity to miss, so a 404 without Space's
      // `not-found` body is read as "this server has no such endpoint" — the web server's answer for a
      // route this Space version lacks. [I] Settled by a request to a path a real Space doesn't have
      // (and to a real search under a missing project): does its 404 carry `{"error":"not-found"}`? A search
      // inside a project (issues, reviews) names the project too: `inProject` (src/kinds/project/space.ts) tells the two apart.
      return new FailedAttempt(attempt.on404 === 'unsupported' ? fail.unsupported(ctx, status) : fail.notFound(ctx, status), false);
    case 'invalid':
      // For a user-typed identifier Space's answer to bad input means "no such item" (`onInvalid`).
      return new FailedAttempt(attempt.onInvalid === 'not-found' ? fail.notFound(ctx, status) : fail.invalidRequest(ctx, status), false);
    case 'unauthorized':
      // [C] §5: the only description the SDKs know by heart; anything else reads as revoked.
      return new FailedAttempt(fail.unauthorized(ctx, body.description === 'Access token has expired', status), false);
    case 'forbidden':
      // The permission is taken from the description only in its strict shapes.
      return new FailedAttempt(fail.forbidden(ctx, permissionFromDescription(body.description, bearer)), false);
    case 'unsupported':
      return new FailedAttempt(fail.unsupported(ctx, status), false);
    case 'too-large':
      return new FailedAttempt(fail.badResponse(ctx, 'too-large', status), false);
    case 'rate-limited':
      // Retry-After is [U] but honoured when sent.
      return new FailedAttempt(fail.rateLimited(ctx, retryAfter, status), true, retryAfter);
    case 'timeout':
      // HTTP semantics: the server gave up waiting for us; worth one more try.
      return new FailedAttempt(fail.timeout(ctx, status), true);
    case 'server':
      // Transient only with a status that says so (a 501 with Space's `internal-server-error` stays final).
      // 502–504 come from gateways; 503 may carry Retry-After for the expected downtime.
      return new FailedAttempt(fail.server(ctx, status), RETRYABLE_STATUS.has(status), status === 503 ? retryAfter : null);
    default:
      return new FailedAttempt(fail.badResponse(ctx, 'unexpected-status', status), false);
  }
}

/** What a non-2xx answer says, before it becomes a SpaceError with its real status (`errorOf`). */
type Refusal =
  | 'no-such-entity' | 'not-found' | 'invalid' | 'unauthorized' | 'forbidden' | 'unsupported' | 'too-large'
  | 'rate-limited' | 'timeout' | 'server' | 'unexpected';

/** Space's `error` codes: the nine of NET/KT `ErrorCodes` (space-api.md §5 [C]) but `duplicated-entity` (writes only). */
const BY_CODE = new Map<string, Refusal>([
  // [C] §5/§12: Space's own word that the entity doesn't exist, on any endpoint (a search under
  // `/projects/key:NOPE/…` names a missing project), whatever the status.
  ['not-found', 'no-such-entity'],
  // [C] §12: Space's answer to bad input (a malformed or unknown identifier, a bad parameter), not a sign of an
  // old server.
  ['validation-error', 'invalid'],
  ['request-error', 'invalid'],
  ['permission-denied', 'forbidden'],
  ['authentication-required', 'unauthorized'],
  ['rate-limited', 'rate-limited'],
  // The answer (or our request) is over Space's limit; retrying can't change it.
  ['payload-too-large', 'too-large'],
  ['internal-server-error', 'server'],
]);

/**
 * By Space's `error` code; without one (or with a code newer than this client) by status: the SDKs' mapping
 * (400 request error, 401, 403, 404, 413/431 too large, 429, 5xx; space-api.md §5 [C]) plus HTTP semantics for
 * 405/501 (method not allowed / not implemented: a missing endpoint) and 408 (the server gave up waiting).
 */
function refusalOf(status: number, code: string | null): Refusal {
  const byCode = code === null ? undefined : BY_CODE.get(code);
  if (byCode) return byCode;
  if (status === 400) return 'invalid';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 405 || status === 501) return 'unsupported';
  if (status === 413 || status === 431) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  return status >= 500 ? 'server' : 'unexpected';
}
