import type {
  Batch, CallOptions, Issue, Location, Page, Person, Project, Repository, Review, Team, WorkingHours,
} from './types.ts';

/** Everything the extension asks of Space. Implemented by `createSpaceClient` in `client.ts`. */
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

  searchProjects(term: string, page?: Page & { starred?: boolean }, opts?: CallOptions): Promise<Batch<Project>>;
  /** Projects the current user is a member of (for default issue/review search scope). */
  myProjects(page?: Page, opts?: CallOptions): Promise<Batch<Project>>;
  project(key: string, opts?: CallOptions): Promise<Project>;

  searchIssues(projectKey: string, query: string, page?: Page, opts?: CallOptions): Promise<Batch<Issue>>;
  /** `ABC-T-123` */
  issueByKey(key: string, opts?: CallOptions): Promise<Issue>;
  issueByNumber(projectKey: string, number: number, opts?: CallOptions): Promise<Issue>;

  searchRepositories(term: string, page?: Page, opts?: CallOptions): Promise<Batch<Repository>>;
  repository(projectKey: string, name: string, opts?: CallOptions): Promise<Repository>;

  searchReviews(projectKey: string, text: string, page?: Page, opts?: CallOptions): Promise<Batch<Review>>;
  /** `ABC-MR-12` or `ABC-CR-12` */
  reviewByKey(key: string, opts?: CallOptions): Promise<Review>;

  /** Image bytes of `/d/{id}` with the Bearer header (capped size); `contentType` is an image type. */
  avatar(attachmentId: string, opts?: CallOptions): Promise<{ contentType: string; bytes: Uint8Array }>;

  /** `DELETE /team-directory/profiles/me/permanent-tokens/current` — the only write. Not retried. */
  revokeCurrentToken(opts?: CallOptions): Promise<void>;
}

export type { WorkingHours };

export interface SpaceClientOptions {
  /** Canonical origin from `normalizeBaseUrl`. */
  origin: string;
  token: string;
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
