/**
 * The request core: one authenticated call to Space with timeout, cancellation, size cap, status
 * mapping and retries. Everything above it (client.ts) deals in paths, `$fields` and mappers only.
 *
 * Invariants: the token travels only in the Authorization header; no cookies (`credentials:'omit'`),
 * no redirects followed for API calls (`redirect:'manual'`: a redirect could carry the header to another host in
 * some engines and is never how Space answers an API call), no HTTP cache. Pictures alone may follow redirects
 * within the Space origin, a few hops, never to another origin (`getBytes`).
 */
import type { TokenSource } from './api.ts';
import { backoffDelay, sleep } from './backoff.ts';
import type { SpaceError, SpaceOperation } from './errors.ts';
import * as fail from './http-errors.ts';
import type { CallContext } from './http-errors.ts';
import { imageTypeOf } from './image-type.ts';
import { isObject, ShapeError } from './parse.ts';
import { permissionFromDescription } from './permissions.ts';
import { discard, readCappedBody } from './read-body.ts';
import { parseRetryAfter } from './retry-after.ts';
import { isSameOriginUrl } from './same-origin.ts';

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
  /** A fixed token, or a source asked before every attempt (and once more after a 401 "expired"). */
  token: string | TokenSource;
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
  /** What is being done, for the error's details (a page words it). */
  op: SpaceOperation;
  /** Which item: `ABC-T-1`, the project key of a search in a project (see `SpaceOperation`). */
  subject?: string;
  /**
   * How to read a 404 whose body is not Space's `not-found` error (a Space `not-found` body is always
   * 'not-found'). Default 'not-found', as both SDKs read every 404 [C §12]. Collection and search endpoints
   * say 'unsupported': see `errorOf()` for why a bare 404 there reads as a missing endpoint [I].
   */
  on404?: 'not-found' | 'unsupported';
  /**
   * How to read Space's 400 `validation-error` / `request-error`. Default 'invalid-request'. Lookups of an
   * identifier the user typed (a key, a username) say 'not-found': Space rejects a malformed or unknown
   * identifier that way [C §12: codes; I: which inputs], and "no such issue" is the answer the user needs.
   */
  onInvalid?: 'invalid-request' | 'not-found';
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
  /**
   * Picture types accepted in a 2xx answer, recognised from the bytes (`imageTypeOf`) whatever the
   * `Content-Type` header says; anything else is bad-response `not-image`.
   */
  contentTypes: readonly string[];
  /**
   * Redirects to follow within the Space origin (default 0); a redirect to another origin, or one more than this,
   * is bad-response `redirect`. See `getBytes`.
   */
  redirects?: number;
}

export interface SendRequest {
  /** On the origin: `<origin>/oauth/token`. */
  url: string;
  /** The fields of a POST, in order; a GET without it. */
  form?: readonly (readonly [string, string])[];
  /** Read a 2xx body as JSON. */
  json: boolean;
  signal?: AbortSignal;
}

/** A `send` answer: a 2xx (with its JSON and `Date` header), or a refusal with the error code its body names. */
export type SendAnswer =
  | { ok: true; status: number; json: unknown; date: string | null }
  | { ok: false; status: number; error: string | null };

export interface Picture {
  contentType: string;
  bytes: Uint8Array;
}

/** A redirect `getBytes` may follow: where to (null when a browser hides it: an opaque redirect), and its status. */
interface Hop {
  redirectTo: string | null;
  status: number;
}

/** Error bodies only need their two fields; anything bigger is not a Space error. */
const MAX_ERROR_BODY = 64 * 1024;
/** The longest Retry-After we report to callers (they may schedule a later retry with it). */
const MAX_REPORTED_RETRY_AFTER_MS = 60 * 60 * 1000;
/** Transient statuses worth another attempt (ky's list minus 413, which won't change). */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

interface Attempt<T> {
  method: 'GET' | 'DELETE' | 'POST';
  url: string;
  /** A POST's body, `application/x-www-form-urlencoded` (the OAuth token endpoint). */
  form?: string;
  /** Reported to onResponse; never carries the query (it may hold search text). */
  reportPath: string;
  accept: string;
  ctx: CallContext;
  on404: 'not-found' | 'unsupported';
  onInvalid: 'invalid-request' | 'not-found';
  /** Turns a 2xx response into the result; throws SpaceError for a bad one. */
  onSuccess: (response: Response) => Promise<{ value: T; bytes: number }>;
  /** Whether failures may be retried at all (idempotent GETs). */
  retryable: boolean;
  signal?: AbortSignal;
  /** Turns a non-2xx answer into the result (`send`); without it the answer becomes its SpaceError. */
  onRefusal?: (status: number, body: SpaceErrorBody) => T;
  /** Turns a redirect into the result (pictures, `getBytes`); without it a redirect is bad-response `redirect`. */
  onRedirect?: (response: Response) => T;
  /**
   * Let the browser follow redirects, within the origin only (`getBytes`, when the browser hid where a redirect
   * goes): `redirect:'follow'` with `mode:'same-origin'`.
   */
  followSameOrigin?: boolean;
}

/** An attempt that went wrong, with what the retry loop needs to decide. */
class FailedAttempt {
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
      on404: req.on404 ?? 'not-found',
      onInvalid: req.onInvalid ?? 'invalid-request',
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

  /**
   * GET a picture (avatars) with its own size cap. Its type comes from the bytes, not from `Content-Type`:
   * servers and proxies label pictures `application/octet-stream` (or anything as `image/png`), and the
   * bytes are what the browser will decode.
   *
   * With `redirects`, a redirect within the Space origin is followed, each hop its own request with the token
   * (`/d/{id}` may redirect [U]: how Space serves attachments is unknown). Where the location is readable (Node,
   * and any engine that hands back the 3xx itself) it is checked first: another origin is never asked, with or
   * without the token. A browser hides it (`opaqueredirect`); then the same request goes once more and the
   * browser follows, in `mode:'same-origin'`: a browser refuses to leave the origin in that mode, before
   * sending anything (Fetch standard, main fetch), and drops Authorization on any cross-origin hop (Fetch
   * standard since 2023, whatwg/fetch#1544) — both seen in Chromium 156 (e2e/avatars.e2e.ts). The answer must
   * still come from the Space origin. The browser's own hop limit (20) applies there; ours elsewhere.
   */
  async getBytes(req: BytesRequest): Promise<Picture> {
    const ctx = this.context(req);
    const maxRedirects = req.redirects ?? 0;
    let url = `${this.origin}${req.absolutePath}${queryString(req.query ?? {})}`;
    let followSameOrigin = false;
    for (let hops = 0; ; hops += 1) {
      const got = await this.run<Picture | Hop>({
        method: 'GET',
        url,
        reportPath: req.absolutePath,
        accept: req.accept,
        ctx,
        on404: req.on404 ?? 'not-found',
        onInvalid: req.onInvalid ?? 'invalid-request',
        retryable: true,
        signal: req.signal,
        ...(maxRedirects > 0 ? {
          onRedirect: (response: Response): Hop => ({
            redirectTo: response.type === 'opaqueredirect' ? null : response.headers.get('location'),
            status: response.status,
          }),
        } : {}),
        followSameOrigin,
        onSuccess: async (response) => {
          const body = await readCappedBody(response, req.maxBytes);
          if (!body.ok) throw new FailedAttempt(fail.badResponse(ctx, 'too-large', response.status), false);
          const contentType = imageTypeOf(body.bytes);
          if (contentType === null || !req.contentTypes.includes(contentType)) {
            throw new FailedAttempt(fail.badResponse(ctx, 'not-image', response.status), false);
          }
          return { value: { contentType, bytes: body.bytes }, bytes: body.bytes.byteLength };
        },
      });
      if (!('redirectTo' in got)) return got;
      const refused = fail.badResponse(ctx, 'redirect', got.status || undefined);
      if (hops >= maxRedirects || followSameOrigin) throw refused;
      if (got.redirectTo === null) {
        followSameOrigin = true;
        continue;
      }
      const next = sameOriginUrl(got.redirectTo, url, this.origin);
      if (next === null) throw refused;
      url = next;
    }
  }

  /** DELETE: a write, so exactly one attempt. The body of a 2xx answer is ignored. */
  async delete(req: Omit<RequestBase, 'on404' | 'onInvalid'>): Promise<void> {
    const ctx = this.context(req);
    await this.run<undefined>({
      method: 'DELETE',
      url: this.apiUrl(req.path, req.query ?? {}),
      reportPath: `/api/http${req.path}`,
      accept: 'application/json',
      ctx,
      on404: 'not-found',
      onInvalid: 'invalid-request',
      retryable: false,
      signal: req.signal,
      onSuccess: async (response) => {
        const body = await readCappedBody(response, MAX_ERROR_BODY);
        return { value: undefined, bytes: body.ok ? body.bytes.byteLength : body.bytesRead };
      },
    });
  }

  /**
   * One request outside `/api/http`, without the token: the OAuth endpoints (src/space/oauth/). Exactly one
   * attempt — a code is single-use, and the worker decides about refreshes. A POST when `form` is given. A 2xx
   * body is read as JSON when `json` (else left unread); a non-2xx answer is handed back with its error body,
   * for the caller to word; anything else (no answer, a redirect, an unreadable 2xx) is a SpaceError as for any call.
   */
  async send(req: SendRequest): Promise<SendAnswer> {
    const ctx = { host: this.host };
    if (req.signal?.aborted) throw fail.cancelled();
    try {
      return await this.once<SendAnswer>({
        method: req.form ? 'POST' : 'GET',
        url: req.url,
        ...(req.form ? { form: req.form.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') } : {}),
        reportPath: new URL(req.url).pathname,
        accept: 'application/json',
        ctx,
        on404: 'not-found',
        onInvalid: 'invalid-request',
        retryable: false,
        signal: req.signal,
        onSuccess: async (response) => {
          if (!req.json) {
            await discard(response);
            return { value: { ok: true, status: response.status, json: null, date: null }, bytes: 0 };
          }
          const { json, bytes } = await this.readJson(response, ctx);
          return { value: { ok: true, status: response.status, json, date: response.headers.get('date') }, bytes };
        },
        onRefusal: (status, body) => ({ ok: false, status, error: body.error }),
      }, null);
    } catch (e) {
      throw e instanceof FailedAttempt ? e.error : e;
    }
  }

  private context(req: { op: SpaceOperation; subject?: string }): CallContext {
    return req.subject === undefined ? { host: this.host, op: req.op } : { host: this.host, op: req.op, subject: req.subject };
  }

  private apiUrl(path: string, query: Query): string {
    return `${this.origin}/api/http${path}${queryString(query)}`;
  }

  private async run<T>(attempt: Attempt<T>): Promise<T> {
    const { retry } = this.opts;
    const source = typeof this.opts.token === 'string' ? null : this.opts.token;
    let renewed = false;
    const started = Date.now();
    for (let n = 0; ; n += 1) {
      if (attempt.signal?.aborted) throw fail.cancelled();
      // A source's own failure (e.g. its refresh was refused) ends the call as it is.
      const bearer = source ? await source.token() : this.opts.token as string;
      if (attempt.signal?.aborted) throw fail.cancelled();
      try {
        return await this.once(attempt, bearer);
      } catch (e) {
        if (!(e instanceof FailedAttempt)) throw e;
        // An expired access token: Space did nothing with the request (a DELETE too), so once per call the
        // source renews it and the same attempt goes again; it is not one of the retries.
        if (source && !renewed && e.error.code === 'unauthorized' && e.error.reason === 'expired') {
          renewed = true;
          await source.renew(bearer);
          n -= 1;
          continue;
        }
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

  /** `bearer` null: no Authorization header (`send`). */
  private async once<T>(attempt: Attempt<T>, bearer: string | null): Promise<T> {
    const { ctx } = attempt;
    const timeoutSignal = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = attempt.signal ? AbortSignal.any([attempt.signal, timeoutSignal]) : timeoutSignal;
    const classify = (e: unknown): FailedAttempt => {
      if (e instanceof FailedAttempt) return e;
      if (attempt.signal?.aborted) return new FailedAttempt(fail.cancelled(), false);
      // A per-attempt timeout is not retried: the user already waited the full timeout once.
      if (timeoutSignal.aborted) return new FailedAttempt(fail.timeout(ctx), false);
      // fetch rejects with a TypeError for DNS failures, refused or reset connections and offline;
      // a connection dropped mid-body surfaces the same way from the body stream.
      return new FailedAttempt(fail.unreachable(ctx), true);
    };

    try {
      let response: Response;
      try {
        response = await this.opts.fetch(attempt.url, {
          method: attempt.method,
          headers: {
            ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }),
            ...(attempt.form === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
            Accept: attempt.accept,
          },
          ...(attempt.form === undefined ? {} : { body: attempt.form }),
          credentials: 'omit',
          // Not 'error': browsers reject a redirect under 'error' with a bare TypeError ("Failed to fetch"),
          // the same as a dead network, so it would read as "unreachable" and be retried. 'manual' hands the
          // redirect back unfollowed — Node as the 3xx itself, browsers as an `opaqueredirect` with status 0.
          // `followSameOrigin` (pictures only, see getBytes) lets the browser follow within the origin.
          ...(attempt.followSameOrigin ? { redirect: 'follow', mode: 'same-origin' } : { redirect: 'manual' }),
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          signal,
        });
      } catch (e) {
        // The server answered this very request a moment ago with a redirect: a refusal now is the browser
        // refusing to leave the origin (a bare TypeError in 'same-origin' mode), not a dead network to retry.
        if (attempt.followSameOrigin && !signal.aborted) throw new FailedAttempt(fail.badResponse(ctx, 'redirect'), false);
        throw e;
      }
      if (attempt.followSameOrigin && response.redirected && !isSameOriginUrl(response.url, this.origin)) {
        await discard(response);
        this.report(attempt, response.status, 0);
        throw new FailedAttempt(fail.badResponse(ctx, 'redirect'), false);
      }
      if (isRedirect(response)) {
        await discard(response);
        this.report(attempt, response.status, 0);
        if (attempt.onRedirect) return attempt.onRedirect(response);
        throw new FailedAttempt(fail.badResponse(ctx, 'redirect', response.status || undefined), false);
      }
      if (response.status >= 200 && response.status < 300) {
        const { value, bytes } = await attempt.onSuccess(response);
        this.report(attempt, response.status, bytes);
        return value;
      }
      // Space's error body (`{error, error_description}`, space-api.md §5 [C]) is read for every status (capped).
      const { status } = response;
      const read = await readCappedBody(response, MAX_ERROR_BODY);
      this.report(attempt, status, read.ok ? read.bytes.byteLength : read.bytesRead);
      const body = read.ok ? spaceErrorBody(read.bytes) : { error: null, description: null };
      if (attempt.onRefusal) return attempt.onRefusal(status, body);
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), MAX_REPORTED_RETRY_AFTER_MS);
      throw this.errorOf(attempt, status, body, retryAfter, bearer ?? '');
    } catch (e) {
      throw classify(e);
    }
  }

  /**
   * A non-2xx answer as its error: what it is comes from Space's `error` code first, as in both SDKs, and from the
   * status when there is no Space body or its code is unknown (`refusalOf`); the error carries the real status.
   */
  private errorOf(attempt: Attempt<unknown>, status: number, body: SpaceErrorBody, retryAfter: number | null, bearer: string): FailedAttempt {
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
        // inside a project (issues, reviews) names the project too: client.ts `inProject` tells the two apart.
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


  private async readJson(response: Response, ctx: CallContext): Promise<{ json: unknown; bytes: number }> {
    const type = mediaType(response.headers.get('content-type'));
    // A proxy or SSO gateway in front of Space answers with its own HTML login page and a 200.
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      await discard(response);
      throw new FailedAttempt(fail.badResponse(ctx, 'html', response.status), false);
    }
    const body = await readCappedBody(response, this.opts.maxBodyBytes);
    if (!body.ok) throw new FailedAttempt(fail.badResponse(ctx, 'too-large', response.status), false);
    try {
      return { json: JSON.parse(new TextDecoder().decode(body.bytes)) as unknown, bytes: body.bytes.byteLength };
    } catch {
      throw new FailedAttempt(fail.badResponse(ctx, 'not-json', response.status), false);
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

/** A non-2xx answer's error body, as far as it is Space's (or OAuth's: the same two fields, RFC 6749 §5.2). */
export interface SpaceErrorBody {
  error: string | null;
  description: string | null;
}

/** `{error, error_description}` when the body is a Space error (space-api.md §5); nulls otherwise. */
function spaceErrorBody(bytes: Uint8Array): SpaceErrorBody {
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
function sameOriginUrl(location: string, from: string, origin: string): string | null {
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
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}
