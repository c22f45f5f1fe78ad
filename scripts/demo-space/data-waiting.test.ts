/**
 * The demo's side of Waiting for you (issue 14), over real HTTP with the extension's own requests: the participant
 * records and the reviewer / assignee / state filters answer as the spec describes (the contract check runs on every
 * request and answer), and the fixed cases of data-waiting.ts are there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_BATCH_FIELDS } from '../../src/kinds/issue/mapper.ts';
import { WAITING_REVIEW_FIELDS } from '../../src/kinds/review/waiting.ts';
import type { DemoServer } from './server.ts';
import { api, fieldsParam, type BatchJson } from './test-client.ts';
import { useDemoServer } from './use-demo-server.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

interface ReviewerRecord { role: string; profile: { username: string }; reviewerState: string | null; theirTurn: boolean | null }
interface Row { review: { number: number; state: string }; participants: { reviewers: ReviewerRecord[] } }

const reviewsOf = async (project: string, query: string) => {
  const r = await api<BatchJson<Row>>(server, `/projects/key:${project}/code-reviews?${query}&$top=100&${fieldsParam(WAITING_REVIEW_FIELDS)}`);
  expect(r.status).toBe(200);
  return r.json.data;
};

describe('reviews by reviewer, with their participant records', () => {
  it('reviewer=me and state=Opened: the open reviews Alex reviews, each with whose turn it is', async () => {
    const alex = server.dataset.demoUser.username;
    const rows = await reviewsOf('ABC', 'reviewer=me&state=Opened');
    expect(rows.map((r) => r.review.number).sort((a, b) => a - b)).toEqual([1, 5, 8, 9]);
    const mine = (row: Row) => row.participants.reviewers.find((p) => p.profile.username === alex);
    const turn = Object.fromEntries(rows.map((r) => [r.review.number, [mine(r)?.role, mine(r)?.theirTurn, mine(r)?.reviewerState]]));
    expect(turn).toEqual({
      1: ['Reviewer', true, null], 5: ['Reviewer', true, null], 8: ['Reviewer', false, 'Accepted'], 9: ['Reviewer', false, null],
    });
    // Someone else's turn on #9; nobody else's on #5.
    const others = (n: number) => rows.find((r) => r.review.number === n)!.participants.reviewers.filter((p) => p.profile.username !== alex);
    expect(others(9).some((p) => p.theirTurn === true)).toBe(true);
    expect(others(5).some((p) => p.theirTurn === true)).toBe(false);
  });

  it('any state: the closed one whose turn flag lingers too; Alex\'s own review never (the author is no reviewer)', async () => {
    const rows = await reviewsOf('ABC', 'reviewer=me&state=');
    expect(rows.map((r) => r.review.number).sort((a, b) => a - b)).toEqual([1, 5, 8, 9, 25]);
    expect(rows.find((r) => r.review.number === 25)?.review.state).toBe('Closed');
    const alexId = server.dataset.demoUser.id;
    const byId = await reviewsOf('ABC', `reviewer=${alexId}&state=Opened`);
    expect(byId.map((r) => r.review.number).sort((a, b) => a - b)).toEqual([1, 5, 8, 9]);
  });
});

describe('issues by assignee', () => {
  it('assigneeId=me: Alex\'s issues only, open and resolved alike (the client leaves the resolved out)', async () => {
    type Issue = { number: number; assignee: { username: string } | null; status: { resolved: boolean } };
    const r = await api<BatchJson<Issue>>(server, `/projects/key:WEB/planning/issues?assigneeId=me&sorting=UPDATED&descending=true&$top=50&${fieldsParam(ISSUE_BATCH_FIELDS)}`);
    expect(r.status).toBe(200);
    const ds = server.dataset;
    const web = ds.projectByKey.get('WEB')!;
    const expected = ds.issues.filter((i) => i.projectId === web.id && i.assignee === ds.demoUser).map((i) => i.number).sort((a, b) => a - b);
    expect(r.json.data.map((i) => i.number).sort((a, b) => a - b)).toEqual(expected);
    expect(r.json.data.every((i) => i.assignee?.username === ds.demoUser.username)).toBe(true);
    const orbit = ds.projectByKey.get('ORBIT')!;
    const alexs = ds.issues.filter((i) => i.projectId === orbit.id && i.assignee === ds.demoUser);
    expect(alexs.some((i) => i.status.resolved) && alexs.some((i) => !i.status.resolved)).toBe(true);
    expect(ds.issues.some((i) => i.projectId === orbit.id && i.assignee !== ds.demoUser)).toBe(true);
  });
});
