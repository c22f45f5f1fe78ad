/**
 * The request core: one authenticated call to Space with timeout, cancellation, size cap, status
 * mapping and retries. Everything above it (client.ts) deals in paths, `$fields` and mappers only.
 *
 * Invariants: the token travels only in the Authorization header; no cookies (`credentials:'omit'`),
 * no redirects followed (`redirect:'error'`, a redirect could carry the header to another host in some
 * engines and is never how Space answers an API call), no HTTP cache.
 */
import { backoffDelay, sleep } from './backoff.ts';
import type { SpaceError } from './errors.ts';
import * as fail from './failures.ts';
import type { FailureContext } from './failures.ts';
import { isObject, ShapeError } from './parse.ts';
import { permissionFromDescription } from './permissions.ts';
import { discard, readCappedBody } from './read-body.ts';
import { parseRetryAfter } from './retry-after.ts';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wall-clock budget for all attempts and waits of one call. */
  totalBudgetMs: number;
}

export interface HttpOptions {
  origin: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  maxBodyBytes: number;
  onResponse?: (info: { path: string; status: number; bytes: number }) => void;
  /** Injected in tests to make jitter deterministic. */
  random?: () => number;
}

interface RequestBase {
  /** Already-encoded path under `/api/http`, e.g. `/team-directory/profiles/username:alex`. */
  path: string;
  query?: Query;
  /** For messages: what is being done ("searching people", "looking up issue ABC-T-1"). */
  what: string;
  /** For not-found messages: "Issue ABC-T-1". */
  subject?: string;
  /** Documented permission of the endpoint, for hints. */
  permission?: string;
  /**
   * How to read a 404 whose body is not a Space `not-found` error. Entity lookups say 'not-found'
   * only when Space says so; searches can't have a missing entity, so any 404 is a missing endpoint.
   */
  on404?: 'by-body' | 'unsupported';
  signal?: AbortSignal;
}

export interface JsonRequest extends RequestBase {
  /** Mandatory: every JSON call names its fields (space-api.md §3). */
  fields: string;
}

export interface BytesRequest extends Omit<RequestBase, 'path'> {
  /** Absolute path on the origin, e.g. `/d/{id}`. */
  absolutePath: string;
  maxBytes: number;
  accept: string;
  /** Content types accepted in a 2xx answer. */
  contentTypes: readonly string[];
}

/** Error bodies only need their two fields; anything bigger is not a Space error. */
const MAX_ERROR_BODY = 64 * 1024;
/** The longest Retry-After we report to callers (they may schedule a later retry with it). */
const MAX_REPORTED_RETRY_AFTER_MS = 60 * 60 * 1000;
/** Transient statuses worth another attempt (ky's list minus 413, which won't change). */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

interface Attempt<T> {
  method: 'GET' | 'DELETE';
  url: string;
  /** Reported to onResponse; never carries the query (it may hold search text). */
  reportPath: string;
  accept: string;
  ctx: FailureContext;
  on404: 'by-body' | 'unsupported';
  /** Turns a 2xx response into the result; throws SpaceError for a bad one. */
  onSuccess: (response: Response) => Promise<{ value: T; bytes: number }>;
  /** Whether failures may be retried at all (idempotent GETs). */
  retryable: boolean;
  signal?: AbortSignal;
}

/** A failed attempt, with what the retry loop needs to decide. */
class AttemptFailure {
  constructor(
    readonly error: SpaceError,
    readonly transient: boolean,
    readonly retryAfterMs: number | null = null,
  ) {}
}

export class SpaceHttp {
  readonly origin: string;
  readonly host: string;

  constructor(private readonly opts: HttpOptions) {
    this.origin = opts.origin;
    this.host = new URL(opts.origin).host;
  }

  /** GET a JSON resource and map it; a mapping failure is `bad-response`, never retried. */
  async getJson<T>(req: JsonRequest, map: (json: unknown) => T): Promise<T> {
    const ctx = this.context(req);
    const { json, status } = await this.run({
      method: 'GET',
      url: this.apiUrl(req.path, { ...req.query, $fields: req.fields }),
      reportPath: `/api/http${req.path}`,
      accept: 'application/json',
      ctx,
      on404: req.on404 ?? 'by-body',
      retryable: true,
      signal: req.signal,
      onSuccess: async (response) => {
        const { json, bytes } = await this.readJson(response, ctx);
        return { value: { json, status: response.status }, bytes };
      },
    });
    // Mapped outside the retry loop: the same body would fail the same way again.
    try {
      return map(json);
    } catch (e) {
      if (e instanceof ShapeError) throw fail.badResponse(ctx, `shape:${e.path}`, status);
      throw e;
    }
  }

  /** GET raw bytes (avatars) with a content-type allow-list and their own size cap. */
  async getBytes(req: BytesRequest): Promise<{ contentType: string; bytes: Uint8Array }> {
    const ctx = this.context(req);
    return this.run({
      method: 'GET',
      url: `${this.origin}${req.absolutePath}${queryString(req.query ?? {})}`,
      reportPath: req.absolutePath,
      accept: req.accept,
      ctx,
      on404: req.on404 ?? 'by-body',
      retryable: true,
      signal: req.signal,
      onSuccess: async (response) => {
        const contentType = mediaType(response.headers.get('content-type'));
        if (!req.contentTypes.includes(contentType)) {
          await discard(response);
          throw new AttemptFailure(fail.badResponse(ctx, 'not-image', response.status), false);
        }
        const body = await readCappedBody(response, req.maxBytes);
        if (!body.ok) throw new AttemptFailure(fail.badResponse(ctx, 'too-large', response.status), false);
        return { value: { contentType, bytes: body.bytes }, bytes: body.bytes.byteLength };
      },
    });
  }

  /** DELETE: a write, so exactly one attempt. The body of a 2xx answer is ignored. */
  async delete(req: Omit<RequestBase, 'on404'>): Promise<void> {
    const ctx = this.context(req);
    await this.run<undefined>({
      method: 'DELETE',
      url: this.apiUrl(req.path, req.query ?? {}),
      reportPath: `/api/http${req.path}`,
      accept: 'application/json',
      ctx,
      on404: 'by-body',
      retryable: false,
      signal: req.signal,
      onSuccess: async (response) => {
        const body = await readCappedBody(response, MAX_ERROR_BODY);
        return { value: undefined, bytes: body.ok ? body.bytes.byteLength : body.bytesRead };
      },
    });
  }

  private context(req: { what: string; subject?: string; permission?: string }): FailureContext {
    const ctx: FailureContext = { host: this.host, what: req.what };
    if (req.subject !== undefined) ctx.subject = req.subject;
    if (req.permission !== undefined) ctx.permission = req.permission;
    return ctx;
  }

  private apiUrl(path: string, query: Query): string {
    return `${this.origin}/api/http${path}${queryString(query)}`;
  }

  private async run<T>(attempt: Attempt<T>): Promise<T> {
    const { retry } = this.opts;
    const started = Date.now();
    for (let n = 0; ; n += 1) {
      if (attempt.signal?.aborted) throw fail.cancelled();
      try {
        return await this.once(attempt);
      } catch (e) {
        if (!(e instanceof AttemptFailure)) throw e;
        const canRetry = attempt.retryable && attempt.method === 'GET' && e.transient && n < retry.retries;
        if (!canRetry) throw e.error;
        const delay = backoffDelay(n, retry, e.retryAfterMs, this.opts.random);
        // Never wait past the budget: a long Retry-After goes back to the caller (with retryAfterMs)
        // to schedule, instead of holding a popup or a worker event open.
        if (Date.now() - started + delay > retry.totalBudgetMs) throw e.error;
        try {
          await sleep(delay, attempt.signal);
        } catch {
          throw fail.cancelled();
        }
      }
    }
  }

  private async once<T>(attempt: Attempt<T>): Promise<T> {
    const { ctx } = attempt;
    const timeoutSignal = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = attempt.signal ? AbortSignal.any([attempt.signal, timeoutSignal]) : timeoutSignal;
    const classify = (e: unknown): AttemptFailure => {
      if (e instanceof AttemptFailure) return e;
      if (attempt.signal?.aborted) return new AttemptFailure(fail.cancelled(), false);
      // A per-attempt timeout is not retried: the user already waited the full timeout once.
      if (timeoutSignal.aborted) return new AttemptFailure(fail.timeout(ctx, this.opts.timeoutMs), false);
      if (isRedirectError(e)) return new AttemptFailure(fail.badResponse(ctx, 'redirect'), false);
      // fetch rejects with a TypeError for DNS failures, refused or reset connections and offline;
      // a connection dropped mid-body surfaces the same way from the body stream.
      return new AttemptFailure(fail.unreachable(ctx), true);
    };

    try {
      const response = await this.opts.fetch(attempt.url, {
        method: attempt.method,
        headers: { Authorization: `Bearer ${this.opts.token}`, Accept: attempt.accept },
        credentials: 'omit',
        redirect: 'error',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal,
      });
      if (response.status >= 200 && response.status < 300) {
        const { value, bytes } = await attempt.onSuccess(response);
        this.report(attempt, response.status, bytes);
        return value;
      }
      throw await this.failure(attempt, response);
    } catch (e) {
      throw classify(e);
    }
  }

  /** Maps a non-2xx response to its failure, reading at most a small error body. */
  private async failure(attempt: Attempt<unknown>, response: Response): Promise<AttemptFailure> {
    const { ctx } = attempt;
    const { status } = response;
    const wantsBody = status === 401 || status === 403 || status === 404;
    let body: { error: string | null; description: string | null } = { error: null, description: null };
    let bytes = 0;
    if (wantsBody) {
      const read = await readCappedBody(response, MAX_ERROR_BODY);
      bytes = read.ok ? read.bytes.byteLength : read.bytesRead;
      if (read.ok) body = spaceErrorBody(read.bytes);
    } else {
      await discard(response);
    }
    this.report(attempt, status, bytes);

    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), MAX_REPORTED_RETRY_AFTER_MS);
    switch (true) {
      case status === 401:
        // The only description the SDKs know by heart (space-api.md §5); anything else reads as revoked.
        return new AttemptFailure(fail.unauthorized(ctx, body.description === 'Access token has expired'), false);
      case status === 403:
        return new AttemptFailure(fail.forbidden(ctx, permissionFromDescription(body.description, this.opts.token)), false);
      case status === 404:
        // Inference [I]: Space answers an unknown entity with a `{"error":"not-found"}` body, while a
        // route this server version doesn't have gets the web server's bare 404. So only a Space
        // error body means "no such thing"; any other 404 means "no such endpoint here".
        return new AttemptFailure(
          attempt.on404 === 'by-body' && body.error === 'not-found' ? fail.notFound(ctx) : fail.unsupported(ctx, 404),
          false,
        );
      case status === 429:
        return new AttemptFailure(fail.rateLimited(ctx, retryAfter), true, retryAfter);
      case status === 408:
        return new AttemptFailure(fail.timeout(ctx, null, 408), true);
      case status >= 500:
        // 501/505+ are not transient; 503 may carry Retry-After for the expected downtime.
        return new AttemptFailure(fail.server(ctx, status), RETRYABLE_STATUS.has(status), status === 503 ? retryAfter : null);
      case status === 400 || status === 405 || status === 410 || status === 422:
        // Our requests are fixed shapes (validated ids, constant fields), so a rejection means this
        // server's API differs (an unknown $fields name, a renamed or newly required parameter):
        // version drift, not bad data from Space. `unsupported` lets the UI mark that lookup as
        // unavailable on this server while the others keep working; retrying can't help.
        return new AttemptFailure(fail.unsupported(ctx, status), false);
      default:
        return new AttemptFailure(fail.badResponse(ctx, 'unexpected-status', status), false);
    }
  }

  private async readJson(response: Response, ctx: FailureContext): Promise<{ json: unknown; bytes: number }> {
    const type = mediaType(response.headers.get('content-type'));
    // A proxy or SSO gateway in front of Space answers with its own HTML login page and a 200.
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      await discard(response);
      throw new AttemptFailure(fail.badResponse(ctx, 'html', response.status), false);
    }
    const body = await readCappedBody(response, this.opts.maxBodyBytes);
    if (!body.ok) throw new AttemptFailure(fail.badResponse(ctx, 'too-large', response.status), false);
    try {
      return { json: JSON.parse(new TextDecoder().decode(body.bytes)) as unknown, bytes: body.bytes.byteLength };
    } catch {
      throw new AttemptFailure(fail.badResponse(ctx, 'not-json', response.status), false);
    }
  }

  private report(attempt: Attempt<unknown>, status: number, bytes: number): void {
    try {
      this.opts.onResponse?.({ path: attempt.reportPath, status, bytes });
    } catch {
      // A benchmark hook must never break a lookup.
    }
  }
}

/**
 * `?a=1&b=x&b=y&$fields=…`. Arrays repeat the key (the SDKs' convention). `$`, `,` and `:` stay
 * literal — legal in a query and what Space's spec marks `allowReserved` for `$fields` — which keeps
 * URLs short and readable in server logs.
 */
export function queryString(query: Query): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const v of values) parts.push(`${encodeQuery(key)}=${encodeQuery(v)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/%(?:24|2C|3A)/gi, (m) => decodeURIComponent(m));
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** `{error, error_description}` when the body is a Space error (space-api.md §5); nulls otherwise. */
function spaceErrorBody(bytes: Uint8Array): { error: string | null; description: string | null } {
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

/** Node's fetch reports `redirect:'error'` as a TypeError caused by "unexpected redirect"; browsers don't say. */
function isRedirectError(e: unknown): boolean {
  const cause = e instanceof Error ? e.cause : undefined;
  return cause instanceof Error && /redirect/i.test(cause.message);
}
