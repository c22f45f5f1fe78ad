/** The requests the request core (`SpaceHttp`, http.ts) takes, and what it answers for pictures and `send`. */
import type { SpaceOperation } from './errors.ts';
import type { Query } from './http.ts';

export interface RequestBase {
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
   * say 'unsupported': see `refusalError()` (http-answer.ts) for why a bare 404 there reads as a missing endpoint [I].
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
export interface Hop {
  redirectTo: string | null;
  status: number;
}
