/**
 * The local directory (issue 16) as pages see it: what `{ type: 'directory-status' }` and
 * `{ type: 'directory-refresh' }` answer. The directory itself — people, teams, locations, projects, repositories
 * and chat channels of the connected Space, kept by the worker so the popup and the omnibox answer those kinds
 * without a round trip — lives in src/background/directory/ and never leaves the worker; pages only learn its
 * state, size and age (Options: "Local directory", with "Refresh now").
 */
import type { AppError } from './protocol.ts';

/** The kinds the local directory holds, in ALL_KINDS order. */
export const DIRECTORY_KINDS = ['person', 'team', 'location', 'project', 'repository', 'channel'] as const;

export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/**
 * - `empty`: nothing stored (never synced, just cleared, or off);
 * - `syncing`: a sync is running (a complete previous copy, if any, still answers: `syncedAt` is its age);
 * - `ready`: a complete copy answers searches;
 * - `error`: the last sync failed (`error` says why); a previous complete copy, if any, still answers.
 */
export type DirectoryState = 'empty' | 'syncing' | 'ready' | 'error';

/** Where the copy is kept: on disk (IndexedDB of the extension), in memory for the browser session only, nowhere. */
export type DirectoryStorage = 'disk' | 'session' | 'none';

export interface DirectoryProgress {
  /** The kind being fetched now. */
  kind: DirectoryKind;
  /** Items of that kind received so far. */
  fetched: number;
  /** What Space said the kind holds (`totalCount`), null until it said. */
  total: number | null;
  /** Kinds finished in this sync, of DIRECTORY_KINDS.length. */
  kindsDone: number;
}

export interface DirectoryStatus {
  /** The directory answers searches (and syncs): a connection is configured and the policy allows it. */
  enabled: boolean;
  /** The organization turned it off (managed setting `localDirectory`: false): nothing is stored. */
  offByPolicy: boolean;
  state: DirectoryState;
  /** Items per kind in the copy in use (all zero when empty). */
  counts: Record<DirectoryKind, number>;
  /** Approximate size of the copy in use, in bytes (its JSON). */
  bytes: number;
  /** Epoch ms when the copy in use was completed; null when there is none. */
  syncedAt: number | null;
  storage: DirectoryStorage;
  /** Why the last sync failed; absent unless it did. */
  error?: AppError;
  /** Only while `state` is 'syncing'. */
  progress?: DirectoryProgress;
}
