/**
 * Domain objects returned by the Space client. They are built from validated API responses;
 * every `webUrl` is derived from ids/keys against the configured origin, never copied from a response.
 */

export interface EntityBase {
  /**
   * Which kind of entity: each entity type below narrows it to its own. Which kinds the extension shows, and in
   * what order, is src/shared/kinds.ts.
   */
  kind: string;
  /** Space's own id (for repositories: `${projectKey}/${name}`, Space has no global repo id in find). */
  id: string;
  /** Primary display text. */
  title: string;
  /** `https://space.example.com/...`, built by the kind's `web-url.ts` (src/space/web-urls.ts: the shared pieces). */
  webUrl: string;
  /**
   * Names of this entity's own domain fields (e.g. `'assignee'`, `'emails'`, `'absence'`) whose content Space
   * withheld for lack of permission: inline `$errors` in a 200, or a 403 on a best-effort extra request of the
   * person card. Absent or empty = nothing hidden. Sorted, unique.
   */
  hidden?: string[];
  /**
   * Names of optional domain fields (e.g. `'createdAt'`, `'dueDate'`) that Space sent in a shape the client could
   * not read (a date as a plain string…): they read as unknown, and the card names them. Absent or empty = none.
   * Sorted, unique. Not a permission matter, unlike `hidden`.
   */
  unreadable?: string[];
}

/** A person named inside another entity. A field the token may not read is null (Space's inline `$errors`). */
export interface PersonRef { id: string | null; username: string | null; name: string | null }

export interface Person extends EntityBase {
  kind: 'person';
  username: string;
  firstName: string;
  lastName: string;
  /** Attachment id of the small avatar (`/d/{id}`), or null. */
  avatarId: string | null;
  emails: string[];
  phones: string[];
  /** Job titles from memberships, e.g. "Backend Developer". */
  positions: string[];
  teams: { id: string; name: string }[];
  /** Current (not archived) member locations, most specific first. */
  locations: { id: string; name: string }[];
  /** IANA zone if known (profile timezone endpoint or location tz). */
  timeZone: string | null;
  /** Only when asked for with `withAbsence`; undefined when the server cannot tell. */
  absence?: { reason: string; until: string | null } | null;
  /** Weekly working hours in the person's time zone (only in `person(username)` details). */
  workingHours?: WorkingHours | null;
}

/** One entry per weekday that has working hours; minutes since local midnight. */
export interface WorkingHours {
  days: { weekday: number /* 0 = Sunday */; from: number; to: number }[];
}

export interface Team extends EntityBase {
  kind: 'team';
  name: string;
  description: string;
  parent: { id: string; name: string } | null;
  lead: PersonRef | null;
  memberCount: number | null;
}

export interface Location extends EntityBase {
  kind: 'location';
  name: string;
  /** Region, Campus, Building, Floor, Room, ConferenceRoom or a newer type string. */
  type: string;
  parent: { id: string; name: string } | null;
  timeZone: string | null;
  address: string | null;
}

export interface Project extends EntityBase {
  kind: 'project';
  key: string;
  name: string;
  description: string;
  private: boolean;
  repositories: string[];
}

export interface Issue extends EntityBase {
  kind: 'issue';
  projectKey: string;
  number: number;
  /** `ABC-T-123` */
  key: string;
  status: { name: string; resolved: boolean; color: string | null };
  assignee: PersonRef | null;
  /** ISO date `2024-05-10` or null. */
  dueDate: string | null;
  createdAt: number | null;
}

export interface Repository extends EntityBase {
  kind: 'repository';
  projectKey: string;
  name: string;
  description: string;
  defaultBranch: string | null;
  /** Epoch ms of the latest activity, or null. */
  latestActivity: number | null;
}

export interface Review extends EntityBase {
  kind: 'review';
  projectKey: string;
  number: number;
  /** `ABC-MR-12` for merge requests, `ABC-CR-12` for commit-set reviews. */
  key: string;
  state: string;
  type: 'merge-request' | 'commit-set';
  branches: { source: string; target: string; repository: string } | null;
  author: PersonRef | null;
  createdAt: number | null;
}

/** A chat channel from `GET /chats/channels/all-channels` (`AllChannelsListEntry`, space-api.md §2b). */
export interface Channel extends EntityBase {
  kind: 'channel';
  name: string;
  description: string;
  /** How many subscribe to it; null when Space withheld the count. */
  subscribers: number | null;
  /** Whether the token's owner subscribes to it; null when withheld. */
  subscribed: boolean | null;
  /** Epoch ms of the last message; null for a channel without messages (or when withheld). */
  lastMessageTime: number | null;
  archived: boolean;
}

/** A blog article from `GET /blog` (`ArticleRecord`). */
export interface Article extends EntityBase {
  kind: 'article';
  /** The article's title is `title`. Null when there is no author to show (none, or withheld as a whole). */
  author: PersonRef | null;
  /** Epoch ms of publication, or null when withheld. */
  createdAt: number | null;
  /** Space's own preview of the text (`preview`), as plain text; '' when none or withheld. */
  preview: string;
  /** Teams and locations the article is for; empty when it is for everyone. */
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
}

/** One line of a source-search snippet. Plain text, never HTML. */
export interface CodeMatchLine {
  /** 1-based line number in the file; null when Space didn't say. */
  number: number | null;
  text: string;
  /** This line is one Space matched (the others are context). */
  match: boolean;
}

/** A file that matched a source search (`GET /projects/source-search`, `SourceSearchItem`). */
export interface CodeMatch extends EntityBase {
  kind: 'code';
  projectKey: string;
  repository: string;
  /** Path in the repository, e.g. `src/main/kotlin/Rate.kt`; also the title. */
  path: string;
  /** Commit the match was found at (the web link opens the file there), or null. */
  commit: string | null;
  /** First matching line (1-based), which the link opens; null when unknown. */
  line: number | null;
  /** The snippet Space sent, in file order: matching lines and their context. */
  lines: CodeMatchLine[];
}

export type Entity = Person | Team | Location | Project | Issue | Repository | Review | Channel | Article | CodeMatch;

export type EntityOf<K extends Entity['kind']> = Extract<Entity, { kind: K }>;

/** Paging window; `top` defaults are per call. */
export interface Page {
  top?: number;
  skip?: string;
}

export interface Batch<T> {
  items: T[];
  /** Pass as `skip` for the next page; null when there is none. */
  next: string | null;
  totalCount: number | null;
  /**
   * Elements of this page that could not be read (not an object, or a required field missing or of another type)
   * and were left out of `items` (`parseBatch`). 0 when every element was read.
   */
  unreadable: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}
