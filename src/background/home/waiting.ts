/**
 * Waiting for you (issue 14 item 3): the code reviews where it is the user's turn as a reviewer and the open issues
 * assigned to them, across the projects of the search scope (search/scope.ts). One request per project per list,
 * all in parallel (src/kinds/review/waiting.ts, src/kinds/issue/waiting.ts).
 *
 * Faults, as for search groups: a project that answers 403/404 (or fails on its own) leaves the other projects'
 * rows standing and gets one note; when nothing could be read at all (Space down, the token refused, the scope
 * itself unreadable) the previous list is kept, marked `stale` — never an empty list that pretends nothing waits.
 */
import { issuesAssignedToMe } from '../../kinds/issue/waiting.ts';
import { reviewsWaitingFor } from '../../kinds/review/waiting.ts';
import { WAITING_KEY, type WaitingEntry, type WaitingList } from '../../shared/home.ts';
import { MAX_WAITING } from '../../shared/home-parse.ts';
import { entityKey, type Entity } from '../../shared/kinds.ts';
import type { AppError } from '../../shared/protocol.ts';
import { callSpace, credentialError, openConnection, type ActiveConnection } from '../active-connection.ts';
import { toAppError } from '../app-error.ts';
import { refreshBadge } from '../badge.ts';
import type { Deps } from '../platform.ts';
import { scopeLoader } from '../search/scope.ts';
import { readHomeList, updateHomeList } from './store.ts';

export interface WaitingOptions {
  /**
   * Only the reviews (the toolbar count's alarm, helper of badge.ts): one request per project; the stored list keeps
   * the previous issues.
   */
  only?: 'your-turn';
  /** Asked from a private window: answered, not stored. */
  private?: boolean;
}

/**
 * Refreshes Waiting for you of the stored connection, stores it (unless private) and resolves to it; null when
 * there is no usable connection (not configured, no host access, the token refused earlier). Never rejects for a
 * Space failure: that is the list's `stale`.
 */
export async function refreshWaiting(deps: Deps, opts: WaitingOptions = {}): Promise<WaitingList | null> {
  let conn: ActiveConnection;
  try {
    conn = await openConnection(deps, { private: opts.private === true });
  } catch {
    return null;
  }
  return loadWaiting(deps, conn, opts);
}

/** Failures that are about one project (not readable by this token, gone), not about Space as a whole. */
const PROJECT_FAILURES: ReadonlySet<string> = new Set(['forbidden', 'not-found', 'unsupported', 'invalid-request']);

type Outcome = { ok: true; entries: WaitingEntry[] } | { ok: false; project: string; error: AppError };

/** `refreshWaiting` for an open connection (the `waiting` handler opens it itself, so its errors reach the page). */
export async function loadWaiting(deps: Deps, conn: ActiveConnection, opts: WaitingOptions = {}): Promise<WaitingList> {
  const controller = new AbortController();
  let outcomes: Outcome[];
  try {
    const projects = await callSpace(deps.platform, conn, () => scopeLoader(deps, conn)(controller.signal));
    const username = conn.record.identity?.username ?? null;
    const calls: Promise<Outcome>[] = [];
    for (const project of projects) {
      // Without the user's name no reviewer record can be told to be theirs: no reviews, rather than someone else's.
      if (username !== null) {
        calls.push(settle(project, () => callSpace(deps.platform, conn, (api) => reviewsWaitingFor(api, project, username)),
          (review) => ({ entity: review, reason: 'your-turn', project, since: review.createdAt })));
      }
      if (opts.only !== 'your-turn') {
        calls.push(settle(project, () => callSpace(deps.platform, conn, (api) => issuesAssignedToMe(api, project)),
          (issue) => ({ entity: issue, reason: 'assigned', project, since: issue.createdAt })));
      }
    }
    outcomes = await Promise.all(calls);
  } catch (e) {
    return keepPrevious(deps, conn, toAppError(e));
  }

  const failures = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
  const refused = failures.map((f) => credentialError(conn, f.error)).find((e) => e !== null);
  if (refused) return keepPrevious(deps, conn, refused);
  // Nothing read, and not because of the projects (Space answered 403/404 for each: those are notes): Space is down.
  const down = failures.find((f) => !PROJECT_FAILURES.has(f.error.code));
  if (down && failures.length === outcomes.length) return keepPrevious(deps, conn, down.error);

  const fresh = outcomes.flatMap((o) => (o.ok ? o.entries : []));
  const notes: WaitingList['notes'] = [];
  for (const f of failures) if (!notes.some((n) => n.project === f.project)) notes.push({ project: f.project, error: f.error });

  const list: WaitingList = { connection: conn.key, items: ordered(fresh), at: deps.now(), notes };
  if (opts.only !== 'your-turn') return store(deps, conn, () => list);
  // Only the reviews were asked: the stored issues (and other projects' notes) stay, merged in the store's queue.
  return store(deps, conn, (previous) => ({
    ...list,
    items: ordered([...fresh, ...(previous?.items ?? []).filter((item) => item.reason !== 'your-turn')]),
    notes: [...notes, ...(previous?.notes ?? []).filter((n) => !notes.some((m) => m.project === n.project))],
  }));
}

/** One project's list, as entries or as that project's failure. */
async function settle<T extends Entity>(
  project: string,
  call: () => Promise<{ items: (T | null)[] }>,
  entry: (item: T) => WaitingEntry,
): Promise<Outcome> {
  try {
    const { items } = await call();
    return { ok: true, entries: items.filter((item): item is T => item !== null).map(entry) };
  } catch (e) {
    return { ok: false, project, error: toAppError(e) };
  }
}

/** Reviews first (someone is blocked on them), then issues; within each, the longest waiting first. */
function ordered(entries: WaitingEntry[]): WaitingEntry[] {
  const rank = (e: WaitingEntry) => (e.reason === 'your-turn' ? 0 : 1);
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => rank(a) - rank(b) || (a.since ?? Infinity) - (b.since ?? Infinity))
    .filter((e) => {
      const id = entityKey(e.entity);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .slice(0, MAX_WAITING);
}

/** The whole refresh failed: the previous rows, marked stale (none before: an empty list that says it is stale). */
function keepPrevious(deps: Deps, conn: ActiveConnection, error: AppError): Promise<WaitingList> {
  return store(deps, conn, (previous) => ({
    connection: conn.key, items: previous?.items ?? [], at: previous?.at ?? 0, notes: previous?.notes ?? [], stale: error,
  }));
}

/**
 * Makes the list from the stored one (`change`) inside the store's queue, so a refresh that keeps part of the
 * previous list never overwrites one written meanwhile, and stores it; the badge follows. Not stored (a private
 * window, the connection replaced meanwhile, storage failing): the same list made from what is stored.
 */
async function store(deps: Deps, conn: ActiveConnection, change: (previous: WaitingList | null) => WaitingList): Promise<WaitingList> {
  const owner = { key: conn.key, private: conn.private };
  try {
    const written = await updateHomeList(deps.platform, owner, WAITING_KEY, change);
    if (written) {
      await refreshBadge(deps.platform);
      return written;
    }
  } catch {
    // The answer stands; only the next first frame misses it.
  }
  return change(await readHomeList(deps.platform, owner, WAITING_KEY).catch(() => null));
}
