/**
 * The empty box's lists (Pinned, Waiting for you, Recent: src/shared/home.ts) as the popup reads them straight from
 * storage before its first frame, so they paint with zero requests. Only the lists of the stored connection are
 * kept (one of a forgotten or replaced connection is never shown), and storage is not trusted: it outlives code
 * changes and can be edited by hand, so an entry of the wrong shape is dropped and the rest kept.
 */
import {
  PINNED_KEY, RECENT_KEY, WAITING_KEY, isListable, type PinnedEntry, type RecentEntry, type WaitingList,
} from '../shared/home.ts';

export interface HomeLists {
  pinned: PinnedEntry[];
  /** Null: never refreshed for this connection (nothing to say yet). */
  waiting: WaitingList | null;
  recent: RecentEntry[];
}

export const NO_HOME: HomeLists = { pinned: [], waiting: null, recent: [] };

export type Loose = Record<string, unknown> | null | undefined;

/**
 * An entry whose entity has what every row and action needs (`isListable`, the worker's check too); the kind's own
 * fields are guarded where drawn (`Safe`), and a Waiting row's reason and age where it is marked (home-groups.ts).
 */
const usable = (entry: unknown): boolean => isListable((entry as Loose)?.entity);

export const itemsOf = <T>(list: Loose): T[] => (Array.isArray(list?.items) ? list.items.filter(usable) : []);

/**
 * `areas`: what was read of storage.session and storage.local (a session-only connection keeps its lists in the
 * former). `connection`: the stored connection's id; null (none, or a private window) shows nothing.
 */
export function readHome(areas: readonly Record<string, unknown>[], connection: string | null): HomeLists {
  const listOf = (key: string) => areas.map((area) => area[key] as Loose).find((list) => connection !== null && list?.connection === connection);
  const waiting = listOf(WAITING_KEY) as WaitingList | undefined;
  // Its notes and `stale` are said below the lists with the extras (HomeNotes.tsx), which check their shape.
  return { pinned: itemsOf(listOf(PINNED_KEY)), waiting: waiting ? { ...waiting, items: itemsOf(waiting as unknown as Loose) } : null, recent: itemsOf(listOf(RECENT_KEY)) };
}
