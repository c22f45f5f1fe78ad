/**
 * What the popup shows on an empty box (issue 14): Pinned, Waiting for you, Recent. The worker is the only writer
 * (src/background/home/); the popup reads these keys straight from storage before its first frame, so they paint
 * with zero requests. Each list is stored under its own key, so a Waiting refresh and a Recent write never
 * rewrite each other.
 *
 * Where: `storage.local`, or `storage.session` when the connection is session-only (nothing of a session-only
 * connection reaches the disk). The popup reads both areas and keeps the list whose `connection` is the stored
 * connection's id. Never written for a request from a private window. Cleared by Forget / Sign out and by
 * connecting (another token, another Space), like the caches; named in PRIVACY.md.
 *
 * Every list holds what its rows need to paint (the entity as the kind's mapper made it), never a token.
 */
import { ALL_KINDS, type Entity, type EntityKind } from './kinds.ts';
import type { AppError } from './protocol.ts';

/**
 * An entity as stored, fit to list: a known kind and the fields every row and action needs. The one check of both
 * readers, the worker's (home-parse.ts: what it finds, writes and counts on the toolbar) and the popup's first frame
 * (home-lists.ts), so the count and the rows agree by construction. A kind's own fields are not checked: a row or
 * card that cannot draw them shows the title alone (`Safe`, ResultList.tsx).
 */
export function isListable(value: unknown): value is Entity {
  const e = value as Record<string, unknown> | null | undefined;
  return ALL_KINDS.includes(e?.kind as EntityKind) && [e?.id, e?.title, e?.webUrl].every((v) => typeof v === 'string');
}

/** At most this many Recent items per connection (newest first, de-duplicated by kind + id). */
export const MAX_RECENT = 20;
/** At most this many pins per connection (in the order pinned). */
export const MAX_PINNED = 20;

export const RECENT_KEY = 'homeRecent';
export const PINNED_KEY = 'homePinned';
export const WAITING_KEY = 'homeWaiting';
export const HOME_KEYS = [RECENT_KEY, PINNED_KEY, WAITING_KEY] as const;

/** One list of one connection. */
interface OfConnection {
  /** `ConnectionRecord.id`: a list of another (forgotten, replaced) connection is never shown. */
  connection: string;
}

export interface RecentList extends OfConnection {
  /** Newest first. */
  items: RecentEntry[];
}

export interface RecentEntry {
  entity: Entity;
  /** Epoch ms it was last opened or copied. */
  at: number;
}

export interface PinnedList extends OfConnection {
  /** In the order pinned (oldest pin first). */
  items: PinnedEntry[];
}

export interface PinnedEntry {
  entity: Entity;
  /** Epoch ms it was pinned. */
  at: number;
  /**
   * Space no longer finds it (deleted, or no longer visible to the token: its card answered not-found). The row
   * says so and can be unpinned; the list never breaks.
   */
  gone?: boolean;
}

/** Why an item waits for the user. */
export type WaitingReason = 'your-turn' | 'assigned';

export interface WaitingEntry {
  /** A code review (reason 'your-turn') or an issue (reason 'assigned'). */
  entity: Entity;
  reason: WaitingReason;
  /** The project key it belongs to. */
  project: string;
  /** Epoch ms of when it started waiting, as far as Space says (the review's or issue's creation); null: unknown. */
  since: number | null;
}

export interface WaitingList extends OfConnection {
  items: WaitingEntry[];
  /** Epoch ms of the refresh that produced `items` (a failed refresh keeps the previous items and `at`). */
  at: number;
  /**
   * Projects whose lists could not be read in the last refresh (403, 404, …): the other projects' rows stand,
   * one note per project.
   */
  notes: { project: string; error: AppError }[];
  /**
   * The last refresh failed as a whole (server down, token refused): `items` are the previous refresh's, shown
   * marked as stale, never replaced by an empty list that pretends nothing waits.
   */
  stale?: AppError;
}
