/**
 * Waiting for you through the router against the demo server (Alex): exactly the reviews where it is Alex's turn and
 * Alex's open issues, one request per project per list, each project isolated, the previous list kept when Space is
 * down.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatReviewKey } from '../../space/keys.ts';
import { WAITING_KEY, type WaitingList } from '../../shared/home.ts';
import type { Result } from '../../shared/protocol.ts';
import { useConnectedRig, type Rig } from '../test-support/harness.ts';
import { homeWritesSettled } from './store.ts';
import { refreshWaiting } from './waiting.ts';

const connected = useConnectedRig();
let rig: Rig;
const SCOPE = ['ABC', 'WEB', 'ORBIT'];

beforeEach(async () => {
  rig = connected.current;
  const set = await rig.ask({ type: 'settings-set', settings: { searchProjects: SCOPE } });
  expect(set.ok).toBe(true);
  rig.server.clearRequests();
});

const waiting = async (message: Record<string, unknown> = { type: 'waiting' }): Promise<WaitingList> => {
  const answer = await rig.ask<WaitingList>(message);
  if (!answer.ok) throw new Error(`waiting failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const stored = async () => (await rig.fake.platform.storage.local.get(WAITING_KEY))[WAITING_KEY] as WaitingList | undefined;
const keysOf = (list: WaitingList, reason: string) =>
  list.items.filter((i) => i.reason === reason).map((i) => (i.entity as { key: string }).key).sort();

/** Alex's open issues in the scope, from the demo's own data (the client never sees these records). */
function alexsOpenIssues(): string[] {
  const ds = rig.server.dataset;
  return ds.issues
    .filter((i) => i.assignee === ds.demoUser && !i.status.resolved && SCOPE.includes(i.projectRef.key.key))
    .map((i) => `${i.projectRef.key.key}-T-${i.number}`).sort();
}

describe('Waiting for you', () => {
  it('lists exactly the reviews where it is Alex\'s turn and Alex\'s open issues, with reason, project and age', async () => {
    const list = await waiting();
    // The demo's fixed cases (scripts/demo-space/data-waiting.ts): approved, someone else's turn, only the author,
    // closed — none of those; the three whose turn it is, all of them.
    expect(keysOf(list, 'your-turn')).toEqual(['ABC-CR-1', 'ABC-MR-5', 'WEB-MR-11']);
    const issues = alexsOpenIssues();
    expect(issues.length).toBeGreaterThan(0);
    expect(keysOf(list, 'assigned')).toEqual(issues);
    // The data has resolved issues of Alex's and issues of others in the same projects: none of them is listed.
    const ds = rig.server.dataset;
    expect(ds.issues.some((i) => i.assignee === ds.demoUser && i.status.resolved && SCOPE.includes(i.projectRef.key.key))).toBe(true);

    const review = list.items.find((i) => (i.entity as { key: string }).key === 'ABC-MR-5');
    const record = ds.reviews.find((r) => r.review.project.key === 'ABC' && r.review.number === 5)!.review;
    expect(review).toMatchObject({ reason: 'your-turn', project: 'ABC', since: record.createdAt });
    expect(formatReviewKey('ABC', 5, 'merge-request')).toBe('ABC-MR-5');
    expect(list.items.slice(0, 3).every((i) => i.reason === 'your-turn')).toBe(true);
    expect(list).toMatchObject({ connection: expect.any(String), at: rig.deps.now(), notes: [] });
    expect(list.stale).toBeUndefined();
    await homeWritesSettled();
    expect(await stored()).toEqual(list);
  });

  it('asks each project once per list, all in parallel, nothing else', async () => {
    await waiting();
    const paths = rig.server.requests.map((r) => r.path.replace('/api/http', '')).filter((p) => p.startsWith('/projects/'));
    expect(paths.sort()).toEqual(SCOPE.flatMap((k) => [`/projects/key:${k}/code-reviews`, `/projects/key:${k}/planning/issues`]).sort());
  });

  it('a project that answers 403 or 404 gets one note; the other projects\' rows stand', async () => {
    rig.server.setFault('/projects/key:ORBIT', { status: 403, permission: 'Project.Issues.View' });
    rig.server.setFault('/projects/key:WEB', { status: 404 });
    const list = await waiting();
    expect(list.notes.map((n) => [n.project, n.error.code]).sort()).toEqual([['ORBIT', 'forbidden'], ['WEB', 'not-found']]);
    expect(keysOf(list, 'your-turn')).toEqual(['ABC-CR-1', 'ABC-MR-5']);
    expect(list.items.every((i) => i.project === 'ABC')).toBe(true);
    expect(list.stale).toBeUndefined();
  });

  it('every project refused: a note each, no rows, not stale — Space answered', async () => {
    rig.server.setFault('/projects/', { status: 403 });
    const list = await waiting();
    expect(list.notes.map((n) => n.project).sort()).toEqual([...SCOPE].sort());
    expect(list.items).toEqual([]);
    expect(list.stale).toBeUndefined();
  });

  it('Space down: the previous rows, marked stale — never an empty list that pretends nothing waits', async () => {
    const before = await waiting();
    rig.advance(60_000);
    rig.server.setFault('*', { drop: true });
    const after = await waiting();
    expect(after.items).toEqual(before.items);
    expect(after.at).toBe(before.at);
    expect(after.stale?.code).toBe('unreachable');
    await homeWritesSettled();
    expect((await stored())?.stale?.code).toBe('unreachable');

    rig.server.clearFaults();
    const again = await waiting();
    expect(again.stale).toBeUndefined();
    expect(again.items).toEqual(before.items);
  });

  it('down before any list was made: an empty list that says it is stale', async () => {
    rig.server.setFault('*', { status: 503 });
    const list = await waiting();
    expect(list.items).toEqual([]);
    expect(list.stale?.code).toBe('server');
  });

  it('from a private window: answered, not stored', async () => {
    const list = await waiting({ type: 'waiting', private: true });
    expect(list.items.length).toBeGreaterThan(0);
    expect(await stored()).toBeUndefined();
    expect((await rig.fake.platform.storage.session.get(WAITING_KEY))[WAITING_KEY]).toBeUndefined();
  });

  it('the count\'s refresh asks only for reviews, one request per project, and keeps the stored issues', async () => {
    const full = await waiting();
    rig.server.clearRequests();
    const reviewsOnly = await refreshWaiting(rig.deps, { only: 'your-turn' });
    const paths = rig.server.requests.map((r) => r.path.replace('/api/http', '')).filter((p) => p.startsWith('/projects/'));
    expect(paths.sort()).toEqual(SCOPE.map((k) => `/projects/key:${k}/code-reviews`).sort());
    expect(reviewsOnly?.items.map((i) => i.entity.id).sort()).toEqual(full.items.map((i) => i.entity.id).sort());
    await homeWritesSettled();
    expect((await stored())?.items).toEqual(reviewsOnly?.items);
  });

  it('not connected: the request fails as a search does; refreshWaiting has nothing to refresh', async () => {
    expect((await rig.ask({ type: 'forget', revoke: false })).ok).toBe(true);
    const answer = await rig.ask({ type: 'waiting' }) as Result<unknown>;
    expect(answer).toEqual({ ok: false, error: { code: 'not-configured' } });
    expect(await refreshWaiting(rig.deps)).toBeNull();
  });
});
