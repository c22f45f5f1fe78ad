/** kinds/review.ts over real HTTP: search by state, text and type, one review by key, number or id. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { CodeReviewWithCount } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('code reviews', () => {
  const REVIEW = 'review(className,id,number,title,state,createdAt,createdBy(username),branchPairs(sourceBranch,targetBranch,repository,isMerged)),messagesCount';

  it('lists open reviews by default, other states on request, sorted as asked', async () => {
    const open = await api<BatchJson<CodeReviewWithCount>>(server, `/projects/key:ABC/code-reviews?$top=100&${fieldsParam(`next,totalCount,data(${REVIEW})`)}`);
    expect(open.json.data.length).toBeGreaterThan(0);
    for (const r of open.json.data) expect(r.review.state).toBe('Opened');
    const created = open.json.data.map((r) => r.review.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(typeof created[0]).toBe('number');
    const closed = await api<BatchJson<CodeReviewWithCount>>(server, `/projects/key:ABC/code-reviews?state=Closed&sort=CreatedAtDesc&$top=100&${fieldsParam(`data(${REVIEW})`)}`);
    for (const r of closed.json.data) expect(r.review.state).toBe('Closed');
    const merged = await api<BatchJson<CodeReviewWithCount>>(server, `/projects/key:ABC/code-reviews?state=Merged&$top=100&${fieldsParam(`data(${REVIEW})`)}`);
    for (const r of merged.json.data) {
      expect(r.review.className).toBe('MergeRequestRecord');
      expect(r.review.className === 'MergeRequestRecord' && r.review.branchPairs[0]?.isMerged).toBe(true);
    }
    expect((await api(server, '/projects/key:ABC/code-reviews?state=Whatever')).status).toBe(400);
    expect(takeViolationKinds()).toEqual(['invalid-value']);
  });

  it('finds merged and closed reviews by a word of their title only with an empty state', async () => {
    type Row = { review: { number: number; state: string; branchPairs: { isMerged: boolean }[] } };
    const find = async (query: string): Promise<{ number: number; state: string; isMerged: boolean | undefined }[]> => {
      const r = await api<BatchJson<Row>>(server, `/projects/key:ABC/code-reviews?${query}&$top=100&${fieldsParam('data(review(number,state,branchPairs(isMerged)))')}`);
      expect(r.status).toBe(200);
      return r.json.data.map(({ review }) => ({ number: review.number, state: review.state, isMerged: review.branchPairs[0]?.isMerged }));
    };
    // Space's default (no state): open reviews only, so the merged one is not found by its title.
    expect(await find('text=heliopause')).toEqual([]);
    expect(await find('text=heliopause&state=')).toEqual([{ number: 22, state: 'Closed', isMerged: true }]);
    expect(await find('text=Heliopause&state=Merged')).toEqual([{ number: 22, state: 'Closed', isMerged: true }]);
    expect(await find('text=heliopause&state=Opened')).toEqual([]);
    // Closed without being merged: found with every state and with Closed, not with Merged.
    expect(await find('text=quasar')).toEqual([]);
    expect(await find('text=quasar&state=')).toEqual([{ number: 21, state: 'Closed', isMerged: false }]);
    expect(await find('text=quasar&state=Closed')).toEqual([{ number: 21, state: 'Closed', isMerged: false }]);
    expect(await find('text=quasar&state=Merged')).toEqual([]);
  });

  it('an empty state lists every state, the default only open ones', async () => {
    const count = async (query: string): Promise<number> =>
      (await api<BatchJson<unknown>>(server, `/projects/key:ABC/code-reviews?${query}&$top=0&${fieldsParam('totalCount')}`)).json.totalCount;
    const reviews = server.dataset.reviewsByProject.get(server.dataset.projectByKey.get('ABC')?.id ?? '') ?? [];
    expect(await count('state=')).toBe(reviews.length);
    expect(await count('sort=CreatedAtAsc')).toBe(reviews.filter((r) => r.review.state === 'Opened').length);
    expect(await count('state=Merged')).toBeGreaterThanOrEqual(5);
  });

  it('filters by text and type', async () => {
    const all = await api<BatchJson<CodeReviewWithCount>>(server, `/projects/key:ABC/code-reviews?state=&type=CommitSetReview&$top=100&${fieldsParam('data(review(className,number,title))')}`);
    expect(all.json.data.length).toBeGreaterThan(0);
    for (const r of all.json.data) expect(r.review.className).toBe('CommitSetReviewRecord');
    const word = all.json.data[0]?.review.title.split(' ')[1] ?? '';
    const byText = await api<BatchJson<CodeReviewWithCount>>(server, `/projects/key:ABC/code-reviews?state=&text=${encodeURIComponent(word)}&$top=100&${fieldsParam('data(review(title))')}`);
    for (const r of byText.json.data) expect(r.review.title.toLowerCase()).toContain(word.toLowerCase());
  });

  it('finds one review by key (MR / CR), number and id, polymorphic by className', async () => {
    const mr = await api<{ className: string; number: number; id: string; branchPairs: unknown[] }>(
      server, `/projects/key:ABC/code-reviews/key:ABC-MR-12?${fieldsParam('className,id,number,branchPairs(repository),externalLink')}`);
    expect(mr.json).toMatchObject({ className: 'MergeRequestRecord', number: 12 });
    expect(mr.json.branchPairs).toHaveLength(1);
    const cr = await api<Record<string, unknown>>(server, `/projects/key:ABC/code-reviews/key:ABC-CR-7?${fieldsParam('className,number,branchPairs(repository)')}`);
    expect(cr.json).toEqual({ className: 'CommitSetReviewRecord', number: 7 });
    // Either letters find the review: one number sequence per project for both kinds (lookup.ts, [I]).
    const mrAsCr = await api<{ id: string; className: string }>(server, `/projects/key:ABC/code-reviews/key:ABC-CR-12?${fieldsParam('id,className')}`);
    expect(mrAsCr.json).toEqual({ id: mr.json.id, className: 'MergeRequestRecord' });
    const crAsMr = await api<{ className: string; number: number }>(server, `/projects/key:ABC/code-reviews/key:abc-MR-7?${fieldsParam('className,number')}`);
    expect(crAsMr.json).toEqual({ className: 'CommitSetReviewRecord', number: 7 });
    const byNumber = await api<{ id: string }>(server, `/projects/key:ABC/code-reviews/number:12?${fieldsParam('id')}`);
    expect(byNumber.json.id).toBe(mr.json.id);
    const byId = await api<{ number: number }>(server, `/projects/key:ABC/code-reviews/id:${mr.json.id}?${fieldsParam('number')}`);
    expect(byId.json.number).toBe(12);
  });
});
