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

/**
 * Every entity type the client can map, by kind: the profile here (the token owner, `me`, is one), every other
 * kind's in its folder (`src/kinds/<kind>/entity.ts`), which adds itself with `declare module`. Which kinds the
 * extension shows, and in what order, is src/shared/kinds.ts.
 */
export interface EntityTypes {
  person: Person;
}

export type EntityOf<K extends keyof EntityTypes> = EntityTypes[K];

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
