import type { SpaceRequest } from './endpoint.ts';
import type { CallOptions, Person } from './types.ts';

/**
 * What the extension asks of Space, implemented by `createSpaceClient` in `client.ts`: what every kind shares.
 * Each kind's own requests are descriptors in its folder (`src/kinds/<kind>/space.ts`), served by `get`.
 */
export interface SpaceApi {
  /** The canonical origin every request and web URL uses, e.g. `https://space.example.com`. */
  readonly origin: string;

  /** The token's owner; used to verify a token. */
  me(opts?: CallOptions): Promise<Person>;

  /** One GET a kind describes, mapped by its `map` against this origin. */
  get<T>(request: SpaceRequest<T>, opts?: CallOptions): Promise<T>;

  /** Image bytes of `/d/{id}` with the Bearer header (capped size); `contentType` is an image type. */
  avatar(attachmentId: string, opts?: CallOptions): Promise<{ contentType: string; bytes: Uint8Array }>;

  /** `DELETE /team-directory/profiles/me/permanent-tokens/current` — the only write. Not retried. */
  revokeCurrentToken(opts?: CallOptions): Promise<void>;
}

/**
 * Where the bearer comes from when it is not a fixed personal token: an OAuth access token that expires
 * ("Sign in with Space"). The request core asks `token()` before each attempt, and after Space answered 401
 * "Access token has expired" it calls `renew()` with the token it sent, once per call, and tries again.
 * Whatever either throws ends the call as it is (it is the source's own error, e.g. "sign in again").
 */
export interface TokenSource {
  token(): Promise<string>;
  /** `stale` is the token Space called expired; the source refreshes (shared by concurrent callers) unless it already has a newer one. */
  renew(stale: string): Promise<string>;
}

export interface SpaceClientOptions {
  /** Canonical origin from `normalizeBaseUrl`. */
  origin: string;
  /** A personal token, or a source of expiring access tokens. */
  token: string | TokenSource;
  /** Defaults to globalThis.fetch; tests pass nothing and talk to the demo server over HTTP. */
  fetch?: typeof fetch;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  /** Retry policy for idempotent GETs (defaults: 2 retries, 300 ms base, 3 s cap, 8 s total budget). */
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number; totalBudgetMs?: number };
  /** Response size cap in bytes (default 2 MiB; avatars 512 KiB). */
  maxBodyBytes?: number;
  /** Called after each HTTP response, for benchmarks (bytes received, path). Never sees headers. */
  onResponse?: (info: { path: string; status: number; bytes: number }) => void;
}
