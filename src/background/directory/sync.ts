/**
 * One full sync of the local directory: every item of the six directory kinds, page after page, one request at a
 * time (a search beside it gets the other connections, and `between` lets it go first), into a new copy that
 * replaces the old one only once it is complete (directory.ts). Whatever fails mid-way throws, and the copy in use
 * stays as it was.
 *
 * Per kind, through the kind's own listing (src/kinds/<kind>/directory.ts: its search's `$fields` and mapper):
 *  - items Space sent that can't be read are left out and counted (`unreadable`), a person Space withholds
 *    (`$errors`) is an anonymous row: neither fails the sync;
 *  - a kind the token may not list (403) or the server lacks (404 / unsupported) is left out of the copy: its
 *    searches go to Space as before, which tells the user why;
 *  - `$top` is 1000, stepped down to 100 for the rest of that kind when Space refuses it (400) or its answer is over
 *    the client's 2 MiB cap [I: Space's maximum `$top` is unknown; 100 is its default, docs/space-behaviour.md];
 *  - pages follow `next` (`$skip`), not computed offsets; a `next` that does not move, or more than MAX_ITEMS, is a
 *    malformed answer (the sync fails rather than loop or fill the disk).
 */
import { DIRECTORY_KINDS, type DirectoryKind, type DirectoryProgress } from '../../shared/directory.ts';
import type { Entity } from '../../shared/kinds.ts';
import type { SpaceApi } from '../../space/api.ts';
import { SpaceError, isSpaceError } from '../../space/errors.ts';
import type { DirectoryList } from '../../kinds/directory-source.ts';
import { listChannels } from '../../kinds/channel/directory.ts';
import { listLocations } from '../../kinds/location/directory.ts';
import { listPeople } from '../../kinds/person/directory.ts';
import { listProjects } from '../../kinds/project/directory.ts';
import { listRepositories } from '../../kinds/repository/directory.ts';
import { listTeams } from '../../kinds/team/directory.ts';

const SOURCES: Record<DirectoryKind, DirectoryList<Entity>> = {
  person: listPeople, team: listTeams, location: listLocations, project: listProjects, repository: listRepositories, channel: listChannels,
};

/** First `$top` asked, then the fallback (see above). */
export const TOPS = [1000, 100] as const;
/** Items of one kind at most: far above any organization the issue names (10,000 people), below a runaway server. */
export const MAX_ITEMS = 100_000;

/** The new copy: each kind's items, or null for a kind Space would not list (left to server search). */
export type Synced = Record<DirectoryKind, Entity[] | null>;

export interface SyncOptions {
  signal: AbortSignal;
  /** Awaited between two pages: lets searches go first (directory.ts). */
  between(): Promise<void>;
  onProgress(progress: DirectoryProgress): void;
  /** `$top` asked first, then its fallback: TOPS unless a test pages in smaller steps. */
  tops?: readonly [number, number];
}

export async function syncAll(api: SpaceApi, opts: SyncOptions): Promise<Synced & { unreadable: number }> {
  const out = { unreadable: 0 } as Synced & { unreadable: number };
  let kindsDone = 0;
  for (const kind of DIRECTORY_KINDS) {
    try {
      out[kind] = await syncKind(api, kind, opts, kindsDone, (n) => (out.unreadable += n));
    } catch (e) {
      // Lasting refusals leave this kind to server search; anything else fails the sync.
      if (!isSpaceError(e) || !['forbidden', 'unsupported', 'not-found'].includes(e.code)) throw e;
      out[kind] = null;
    }
    kindsDone += 1;
  }
  return out;
}

async function syncKind(
  api: SpaceApi, kind: DirectoryKind, opts: SyncOptions, kindsDone: number, unreadable: (n: number) => void,
): Promise<Entity[]> {
  const items: Entity[] = [];
  const [first, fallback] = opts.tops ?? TOPS;
  let top = first;
  let skip: string | undefined;
  // The total Space gave with the previous page: kept while the next one loads, so progress never goes back to
  // "unknown" between pages.
  let total: number | null = null;
  for (;;) {
    opts.onProgress({ kind, fetched: items.length, total, kindsDone });
    let batch;
    try {
      batch = await SOURCES[kind](api, skip === undefined ? { top } : { top, skip }, { signal: opts.signal });
    } catch (e) {
      if (top === fallback || !isSpaceError(e) || !(e.code === 'invalid-request' || e.reason === 'too-large')) throw e;
      top = fallback;
      continue;
    }
    items.push(...batch.items);
    unreadable(batch.unreadable);
    if (items.length > MAX_ITEMS || (batch.next !== null && batch.next === skip)) {
      throw new SpaceError('bad-response', { op: 'directory', reason: items.length > MAX_ITEMS ? 'too-large' : 'paging' });
    }
    total = batch.totalCount ?? total;
    opts.onProgress({ kind, fetched: items.length, total, kindsDone });
    if (batch.next === null) return items;
    skip = batch.next;
    await opts.between();
  }
}
