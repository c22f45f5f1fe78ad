import type {
  Article, Batch, CallOptions, Channel, CodeMatch, Issue, Location, Page, Person, Project, Repository, Review, Team,
  WorkingHours,
} from './types.ts';

/**
 * Everything the extension asks of Space. Implemented by `createSpaceClient` in `client.ts`. What the user typed is
 * the `query` of every search here; the client sends it under the name each endpoint has (`query`, `term`, `text`).
 */
export interface SpaceApi {
  /** The canonical origin every request and web URL uses, e.g. `https://space.example.com`. */
  readonly origin: string;

  /** The token's owner; used to verify a token. */
  me(opts?: CallOptions): Promise<Person>;
  searchPeople(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Person>>;
  /** Full card data: profile + time zone + working hours + absence today (best effort, 404s tolerated). */
  person(username: string, opts?: CallOptions): Promise<Person>;

  /** Plain array on the wire (not a batch); filtered by `query`, capped by `top`. */
  searchLocations(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Location>>;
  location(id: string, opts?: CallOptions): Promise<Location>;

  searchTeams(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Team>>;
  team(id: string, opts?: CallOptions): Promise<Team>;

  searchProjects(query: string, page?: Page & { starred?: boolean }, opts?: CallOptions): Promise<Batch<Project>>;
  /** Projects the current user is a member of (for default issue/review search scope). */
  myProjects(page?: Page, opts?: CallOptions): Promise<Batch<Project>>;
  project(key: string, opts?: CallOptions): Promise<Project>;

  searchIssues(projectKey: string, query: string, page?: Page, opts?: CallOptions): Promise<Batch<Issue>>;
  /** `ABC-T-123` */
  issueByKey(key: string, opts?: CallOptions): Promise<Issue>;
  issueByNumber(projectKey: string, number: number, opts?: CallOptions): Promise<Issue>;

  searchRepositories(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Repository>>;
  repository(projectKey: string, name: string, opts?: CallOptions): Promise<Repository>;

  searchReviews(projectKey: string, query: string, page?: Page, opts?: CallOptions): Promise<Batch<Review>>;
  /** `ABC-MR-12` or `ABC-CR-12` */
  reviewByKey(key: string, opts?: CallOptions): Promise<Review>;

  /**
   * Chat channels whose name or description contains `query`, across the organization (one request; Space
   * requires `query`, '' lists every channel). Archived channels are left out. Each row has everything a card
   * shows (there is no `channel(id)`: Space's channel endpoint tells no more than the list entry).
   */
  searchChannels(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Channel>>;
  /** Blog articles matching `query` ('' lists the newest), across the organization; rows carry the card's data too. */
  searchArticles(query: string, page?: Page, opts?: CallOptions): Promise<Batch<Article>>;
  /** One article by its id (`GET /blog/{id}`), e.g. to show a card without a search. */
  article(id: string, opts?: CallOptions): Promise<Article>;
  /**
   * Files whose text matches `query` in every repository the token can read (one request). Space 2024.3 has it,
   * older servers don't: their bare 404 is `unsupported`, so the group can say "not available on this server".
   */
  searchCode(query: string, page?: Page, opts?: CallOptions): Promise<Batch<CodeMatch>>;

  /** Image bytes of `/d/{id}` with the Bearer header (capped size); `contentType` is an image type. */
  avatar(attachmentId: string, opts?: CallOptions): Promise<{ contentType: string; bytes: Uint8Array }>;

  /** `DELETE /team-directory/profiles/me/permanent-tokens/current` — the only write. Not retried. */
  revokeCurrentToken(opts?: CallOptions): Promise<void>;
}

export type { WorkingHours };

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
