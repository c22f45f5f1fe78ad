/**
 * Space's wire conventions used by every handler: date objects, error bodies and Batch paging.
 */
import { markBatch } from './fields.ts';

/** Date-time on the wire ([C] NET SpaceDateTimeConverter): `{iso, timestamp}`. */
export interface WireDateTime {
  iso: string;
  timestamp: number;
}

/**
 * Date on the wire. [C] for `iso` (KT reads `iso` for dates). Whether Space adds more keys to dates is [U];
 * the demo sends `iso` only, so a client that reads `timestamp` from a date fails here instead of in production.
 */
export interface WireDate {
  iso: string;
}

export const DAY_MS = 86_400_000;

export function dateTime(ms: number): WireDateTime {
  return { iso: new Date(ms).toISOString(), timestamp: ms };
}

/** `yyyy-MM-dd` of the UTC day containing `ms`. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function date(ms: number): WireDate {
  return { iso: isoDay(ms) };
}

/** Start (00:00 UTC) of the day containing `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The error codes of space-api.md §5 ([C] NET/KT ErrorCodes). */
export type SpaceErrorCode =
  | 'validation-error'
  | 'authentication-required'
  | 'permission-denied'
  | 'duplicated-entity'
  | 'request-error'
  | 'not-found'
  | 'rate-limited'
  | 'payload-too-large'
  | 'internal-server-error';

/** Thrown by handlers; the server turns it into `{error, error_description}` with the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: SpaceErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not-found', `${what} not found`);

export const validationError = (description: string): ApiError =>
  new ApiError(400, 'validation-error', description);

export interface Batch<T> {
  next: string;
  totalCount: number;
  data: T[];
}

/** Default page size on every batched endpoint ([C] OAS). The maximum `$top` is [U]; the demo has none. */
export const DEFAULT_TOP = 100;

/**
 * Cuts one page out of `items`. `$skip` is an opaque string to clients; here it is a decimal offset.
 * `next` is the end offset of this page, also on the last page ([C] SDK loop logic, [I] server behaviour).
 */
export function paginate<T>(items: readonly T[], skipParam: string | undefined, topParam: string | undefined): Batch<T> {
  const skip = parseNonNegativeInt(skipParam, 0, '$skip');
  const top = parseNonNegativeInt(topParam, DEFAULT_TOP, '$top');
  const data = items.slice(skip, skip + top);
  const end = Math.min(skip, items.length) + data.length;
  return markBatch({ next: String(end), totalCount: items.length, data });
}

function parseNonNegativeInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  // [I] guessed: Space rejects a malformed paging parameter with 400; the exact code/description are invented.
  if (!/^\d{1,9}$/.test(raw)) throw validationError(`Parameter '${name}' has an invalid value`);
  return Number(raw);
}
