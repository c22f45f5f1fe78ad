/**
 * The one protocol between the popup / options page and the service worker.
 * The worker validates every incoming message against `src/background/schema.ts`; this file is the types.
 *
 * Two channels:
 *  - one-shot requests: `runtime.sendMessage(Request)` → `Response<...>` (answered exactly once);
 *  - the lookup port (`runtime.connect({name: LOOKUP_PORT})`) for streaming, cancellable search.
 */
import type { SpaceErrorCode, SpaceErrorDetails } from '../space/errors.ts';
import type { DirectoryStatus } from './directory.ts';
import type { PinnedList, WaitingList } from './home.ts';
import type { Entity, EntityKind, Filter } from './kinds.ts';

/** Every error a page can be told about. */
export type AppErrorCode =
  | SpaceErrorCode
  | 'not-configured'
  | 'no-host-permission'
  | 'bad-request'
  | 'internal'
  /** "Sign in with Space": the refresh token was refused (revoked, expired); settings and scope are kept. */
  | 'sign-in-again'
  /** Signing in with Space failed; `reason` says how (`SignInReason`). */
  | 'oauth'
  /** Refused by a setting the organization manages (`reason`: `PolicyRefusal`). */
  | 'policy';

/**
 * Why signing in with Space failed (`AppError.reason` of an `oauth` error): an OAuthErrorCode of
 * src/space/oauth/errors.ts, or one of the worker's own: the auth window was closed (`window-closed`), another sign-in
 * is still running (`in-progress`), the browser has no identity API or it is not granted (`no-identity`). (A sign-in
 * Space gives no refresh token is not an error: the worker re-authorizes it silently, src/background/oauth-tokens.ts.)
 */
export type SignInReason = string;

/** Which managed setting refused a request (`AppError.reason` of a `policy` error). */
export type PolicyRefusal = 'url' | 'method' | 'client-id' | 'invalid';

/**
 * An error as the worker reports it: a code and its details (host, operation, subject, status, permission,
 * retryAfterMs, reason), no prose — pages word it in the user's language (src/shared/error-text.ts). Never
 * contains the token or a raw response body. `reason` of a `bad-request`: `BadRequestReason` (app-error.ts).
 */
export interface AppError extends SpaceErrorDetails {
  code: AppErrorCode;
}

/** `rejected`: Space refused the personal token; `sign-in-again`: Space refused the OAuth refresh token. */
export type AuthState = 'ok' | 'rejected' | 'sign-in-again' | 'no-host-permission' | 'unverified';

/** How the connection authenticates: a personal token, or "Sign in with Space" (OAuth 2.0 + PKCE). */
export type ConnectMethod = 'token' | 'oauth';

/** What pages may know about the connection: never the token itself. */
export interface ConnectionStatus {
  configured: boolean;
  origin: string | null;
  host: string | null;
  identity: { name: string; username: string } | null;
  /** 'token' when nothing is stored. */
  method: ConnectMethod;
  /** The OAuth application's client ID (not a secret), remembered to prefill the sign-in form; null for tokens. */
  clientId: string | null;
  /** Personal tokens only: never a digit of an OAuth token. */
  tokenLast4: string | null;
  /** Epoch ms of the last successful verification. */
  lastVerified: number | null;
  sessionOnly: boolean;
  auth: AuthState;
  /**
   * Anything of a connection is still stored — its address, identity, last four characters, search scope or
   * a token — even when it is not usable (a session-only token gone with the browser session). Options
   * offers Forget while this is true.
   */
  remembered: boolean;
  /**
   * The organization's managed settings no longer allow the stored connection (set after it was saved): the
   * `policy` error a new connect with its address and method would get. The worker has dropped its secret and
   * host access; `configured` is false. Absent when nothing is refused.
   */
  refused?: AppError;
}

/**
 * What the organization's administrator set (managed storage, public/managed_schema.json), as the worker reads
 * and enforces it. Null / 'both' / false: not managed.
 */
export interface ManagedPolicy {
  /** The only Space origin allowed (normalized). */
  origin: string | null;
  methods: 'token' | 'oauth' | 'both';
  clientId: string | null;
  /** "Forget when the browser closes" forced on. */
  sessionOnly: boolean;
  /** Managed keys whose value could not be used; the worker refuses to connect while `spaceUrl` or `signInMethods` is one. */
  invalid: string[];
}

export interface Settings {
  /** Project keys whose issues/reviews text search covers; empty = default (member projects, capped). */
  searchProjects: string[];
  /**
   * Opt-in (issue 14 item 4): the toolbar button shows how many code reviews wait for the user, refreshed on a
   * `chrome.alarms` schedule while connected (src/background/waiting-alarm.ts). Off: no alarm, no requests.
   */
  showWaitingCount: boolean;
}

/** `settings-set` changes what it names and keeps the rest (the scope editor and the count switch save apart). */
export type SettingsUpdate = Partial<Settings>;

export type Request =
  | { type: 'status' }
  /** Only this message may carry a URL; the worker normalizes it, checks the granted permission, verifies, stores. */
  | { type: 'connect'; url: string; token: string; sessionOnly: boolean }
  /**
   * "Sign in with Space": the worker runs the browser's auth window itself (identity.launchWebAuthFlow), checks
   * the answer, exchanges the code, verifies it by loading the user, and stores the tokens. The URL is handled
   * exactly like `connect`'s.
   */
  | { type: 'oauth-start'; url: string; clientId: string; sessionOnly: boolean }
  /** The organization's managed settings (read-only). */
  | { type: 'policy' }
  /** Re-verify the stored token (options "Check again"). */
  | { type: 'verify' }
  | { type: 'forget'; revoke: boolean }
  | { type: 'details'; kind: EntityKind; id: string }
  /** `private`: asked from a private (incognito) window, so the image is not cached. */
  | { type: 'avatar'; id: string; private?: boolean }
  | { type: 'settings-get' }
  | { type: 'settings-set'; settings: SettingsUpdate }
  /** Projects offered in Options for the issue/review search scope. */
  | { type: 'projects'; query: string }
  /** The local directory's state, size and age (src/shared/directory.ts). */
  | { type: 'directory-status' }
  /** Start a directory sync now (Options "Refresh now"); answers the status as it is once started. */
  | { type: 'directory-refresh' }
  /**
   * Home lists (issue 14, src/shared/home.ts). The item the user opened or copied goes to the front of Recent. No
   * entity data crosses from the page: the worker finds `kind` + `id` (`Entity.id`) in what it already holds (the
   * last view, the cached results, the three lists); not found → nothing stored, `{remembered: false}`. `private`:
   * sent from a private window → nothing stored.
   */
  | { type: 'remember'; kind: EntityKind; id: string; private?: boolean }
  /**
   * Pin (appended, at most MAX_PINNED: one more is `bad-request` reason `pin-limit`) or unpin the item `kind` + `id`,
   * found like `remember`'s (not found → `bad-request` reason `pin-unknown`; from a private window → `bad-request`
   * reason `private-window`). Answers the new list.
   */
  | { type: 'pin'; kind: EntityKind; id: string; pinned: boolean; private?: boolean }
  /**
   * Refresh Waiting for you now (one request per project in scope per list) and answer it; stored too, unless
   * `private`. Space down → the previous items marked `stale`, never an empty list.
   */
  | { type: 'waiting'; private?: boolean };

export type RequestType = Request['type'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface ForgetResult {
  /** 'confirmed' = Space answered 2xx to the revoke; 'failed' = it did not (error says why); 'skipped' = not asked. */
  revoked: 'confirmed' | 'failed' | 'skipped';
  error?: AppError;
}

export interface ResponseMap {
  status: ConnectionStatus;
  connect: ConnectionStatus;
  'oauth-start': ConnectionStatus;
  policy: ManagedPolicy;
  verify: ConnectionStatus;
  forget: ForgetResult;
  details: Entity;
  avatar: { dataUrl: string };
  'settings-get': Settings;
  'settings-set': Settings;
  projects: { key: string; name: string }[];
  'directory-status': DirectoryStatus;
  'directory-refresh': DirectoryStatus;
  remember: { remembered: boolean };
  pin: PinnedList;
  waiting: WaitingList;
}

export type ResponseFor<T extends RequestType> = Result<ResponseMap[T]>;

// ---- lookup port ----------------------------------------------------------------------------------

export const LOOKUP_PORT = 'lookup';
/**
 * The same channel opened from a private (incognito) window: its queries and results are never read from or
 * written to storage (cache, last view). In Chrome's default "spanning" incognito mode the popup of a private
 * window runs in the normal profile and its sender carries no sign of it, so the page says so itself.
 */
export const LOOKUP_PORT_PRIVATE = 'lookup-private';

export interface SearchMessage {
  type: 'search';
  /** Monotonic per port; a newer id cancels every older search on that port. */
  id: number;
  query: string;
  filter: Filter;
  /**
   * A keystroke of text still being typed: the worker answers the local directory at once and asks Space only after
   * SERVER_DEBOUNCE_MS without a newer search. Absent for a query given whole (the popup opened on one, a chip, Retry,
   * Enter before the answer): Space is asked at once.
   */
  typing?: boolean;
}

export type GroupState = 'ok' | 'error' | 'unsupported';

/**
 * One kind's results for one search: what the worker's search yields per kind, what the port carries, what the
 * popup lists. `items` is empty unless `state` is 'ok'; `error` says why a kind failed ('error') or is not
 * offered by the server ('unsupported').
 */
export interface ResultGroup {
  kind: EntityKind;
  state: GroupState;
  items: Entity[];
  /** Served from cache (possibly being refreshed: a second group message may follow with fresh data). */
  cached: boolean;
  error?: AppError;
  /**
   * How many items Space sent for this kind that could not be read (a required field missing or of another type)
   * and were left out of `items`; the group says "1 result could not be read". Absent when none; only with 'ok'.
   */
  unreadable?: number;
  /**
   * The one project this kind searched (`ABC login`: issues and reviews of ABC, in scope or not); the group says
   * "in ABC". Absent for a search of the whole scope (including the fallback when ABC is no project).
   */
  project?: string;
  /**
   * Answered from the local directory (issue 16), in the keystroke's turn, without asking Space. An empty local
   * group is no sign that the search could run: when every kind that asked Space failed for one cause, the popup
   * still says that once (src/popup/search-outcome.ts).
   */
  local?: boolean;
}

/** A result group of search `id`, sent as soon as that kind answers. */
export type GroupMessage = { type: 'group'; id: number } & ResultGroup;

/**
 * A key query that named nothing, and what is missing: the item (`ABC-T-99999` in an existing project) or its
 * project (`NOPE-T-1`: `key` is then the project key, `NOPE`).
 */
export interface MissingKey {
  kind: 'issue' | 'review' | 'project';
  /** Canonical form: `ABC-T-99999`, `ABC-MR-0`, or the project key. */
  key: string;
}

/** All kinds for search `id` have answered (fresh, not only cached). */
export interface DoneMessage {
  type: 'done';
  id: number;
  /** A key (`ABC-T-1`, `ABC-MR-2`) that resolved to exactly one item. */
  exact?: Entity;
  /** A key that resolved to nothing (its kind answered, empty): what does not exist. */
  missing?: MissingKey;
}

/** A page-level error: not configured, token rejected, no host permission. */
export interface FailMessage {
  type: 'fail';
  id: number;
  error: AppError;
}

export type LookupServerMessage = GroupMessage | DoneMessage | FailMessage;

// ---- context menu → popup hand-over -----------------------------------------------------------------

/** How long a pending query (PENDING_QUERY_KEY, storage-keys.ts) is good for. */
export const PENDING_QUERY_MAX_AGE_MS = 30_000;

/** The selection the context-menu handler leaves for the popup under PENDING_QUERY_KEY (storage-keys.ts). */
export interface PendingQuery {
  /** Already sanitized: single line, no control characters, at most LIMITS.query characters. */
  query: string;
  /** Epoch ms when the menu item was clicked. */
  at: number;
}

// ---- limits shared by schema and UI ----------------------------------------------------------------

export const LIMITS = {
  query: 200,
  url: 2048,
  token: 4096,
  clientId: 200,
  id: 200,
  projects: 50,
} as const;
