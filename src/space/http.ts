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
import type { SpaceOperation } from './errors.ts';
import {
  isRedirect, mediaType, refusalError, sameOriginUrl, spaceErrorBody, type RefusedAttempt, type SpaceErrorBody,
} from './http-answer.ts';
import * as fail from './http-errors.ts';
import { FailedAttempt, type CallContext } from './http-errors.ts';
import type { BytesRequest, Hop, JsonRequest, Picture, RequestBase, SendAnswer, SendRequest } from './http-requests.ts';
import { imageTypeOf } from './image-type.ts';
import { ShapeError } from './parse.ts';
import { discard, readCappedBody } from './read-body.ts';
import { parseRetryAfter } from './retry-after.ts';
import { isSameOriginUrl } from './same-origin.ts';
import { encodeComponent } from './uri-component.ts';

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

/** Error bodies only need their two fields; anything bigger is not a Space error. */
const MAX_ERROR_BODY = 64 * 1024;
/** The longest Retry-After we report to callers (they may schedule a later retry with it). */
const MAX_REPORTED_RETRY_AFTER_MS = 60 * 60 * 1000;

/** One call's attempts: what they send, and how their answers are read (`ctx`, `on404`, `onInvalid`: RefusedAttempt). */
interface Attempt<T> extends RefusedAttempt {
  method: 'GET' | 'DELETE' | 'POST';
  url: string;
  /** A POST's body, `application/x-www-form-urlencoded` (the OAuth token endpoint). */
  form?: string;
  /** Reported to onResponse; never carries the query (it may hold search text). */
  reportPath: string;
  /** Default `application/json`. */
  accept?: string;
  /** Turns a 2xx response into the result; throws SpaceError for a bad one. */
  onSuccess: (response: Response) => Promise<{ value: T; bytes: number }>;
  /** Whether an attempt that went wrong may be retried at all (idempotent GETs). */
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
      ctx,
      on404: req.on404,
      onInvalid: req.onInvalid,
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
        on404: req.on404,
        onInvalid: req.onInvalid,
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
      ctx,
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
        ...(req.form ? { form: req.form.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&') } : {}),
        reportPath: new URL(req.url).pathname,
          ctx,
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
            Accept: attempt.accept ?? 'application/json',
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
      throw refusalError(attempt, status, body, retryAfter, bearer ?? '');
    } catch (e) {
      throw classify(e);
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
  return encodeComponent(text).replace(/%(?:24|2C|3A)/gi, (m) => decodeURIComponent(m));
}

