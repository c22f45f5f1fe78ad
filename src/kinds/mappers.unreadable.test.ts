/**
 * One unreadable item never fails a page (issue 15, item 7): batches are mapped element by element, and an optional
 * detail in a shape the mapper can't take reads as unknown and is named in the entity's `unreadable`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBatch } from '../space/paging.ts';
import { Reader, ShapeError } from '../space/parse.ts';
import { mapArticle } from './article/mapper.ts';
import { mapChannel } from './channel/mapper.ts';
import { mapIssue } from './issue/mapper.ts';
import { mapReview } from './review/mapper.ts';

const ORIGIN = 'https://space.example.com';

const issue = (n: number) => ({
  id: `i${n}`, number: n, title: `Issue ${n}`, status: { name: 'Open', resolved: false, color: '3e76b5' },
  assignee: null, dueDate: { iso: '2024-05-10' }, creationTime: { iso: '2024-05-01T10:00:00Z', timestamp: 1714557600000 },
});
/** The brief's example: a status that came back as `{id}` only. */
const statusAsIdOnly = (n: number) => ({ ...issue(n), status: { id: 'st-1' } });
const numberMissing = (n: number) => ({ ...issue(n), number: undefined });
const notAnObject = () => 'issue';

describe('a batch of issues with unreadable elements', () => {
  it('keeps the readable issues and counts the one whose status came back as {id} only', () => {
    const batch = parseBatch({ next: '3', totalCount: 3, data: [issue(1), statusAsIdOnly(2), issue(3)] },
      (item) => mapIssue(item, ORIGIN, 'ABC'));
    expect(batch.items.map((i) => i.key)).toEqual(['ABC-T-1', 'ABC-T-3']);
    expect(batch.unreadable).toBe(1);
  });

  it('one issue alone (a key lookup) whose status is {id} only is still an error', () => {
    expect(() => mapIssue(Reader.of(statusAsIdOnly(5)), ORIGIN, 'ABC', 5)).toThrow(ShapeError);
  });

  it('property: any batch with k corrupted issues among n keeps exactly the n−k good ones, in order, and reports k', () => {
    const corruptions = [statusAsIdOnly, numberMissing, notAnObject];
    fc.assert(fc.property(
      fc.array(fc.record({ good: fc.boolean(), how: fc.nat(corruptions.length - 1) }), { maxLength: 25 }),
      (plan) => {
        const data = plan.map((p, i) => (p.good ? issue(i + 1) : corruptions[p.how]!(i + 1)));
        const batch = parseBatch({ next: String(plan.length), totalCount: plan.length, data }, (item) => mapIssue(item, ORIGIN, 'ABC'));
        const good = plan.flatMap((p, i) => (p.good ? [`ABC-T-${i + 1}`] : []));
        expect(batch.items.map((i) => i.key)).toEqual(good);
        expect(batch.unreadable).toBe(plan.length - good.length);
      },
    ));
  });
});

describe('an optional detail of an unexpected type is unknown, not a failure', () => {
  it('an issue whose creation time and due date came as plain text', () => {
    const mapped = mapIssue(Reader.of({ ...issue(7), creationTime: '2024-05-01T10:00:00Z', dueDate: 20240510 }), ORIGIN, 'ABC');
    expect(mapped).toMatchObject({ key: 'ABC-T-7', title: 'Issue 7', createdAt: null, dueDate: null, unreadable: ['createdAt', 'dueDate'] });
    // Not a permission matter: nothing is claimed hidden.
    expect(mapped.hidden).toBeUndefined();
  });

  it('a well-formed issue names nothing unreadable', () => {
    expect(mapIssue(Reader.of(issue(8)), ORIGIN, 'ABC').unreadable).toBeUndefined();
  });

  it('a review, an article and a channel whose dates came as plain text', () => {
    const review = mapReview(Reader.of({
      className: 'MergeRequestRecord', id: 'r1', number: 3, title: 'R', state: 'Opened', createdAt: 'yesterday',
    }), ORIGIN, 'ABC');
    expect(review).toMatchObject({ key: 'ABC-MR-3', createdAt: null, unreadable: ['createdAt'] });
    const article = mapArticle(Reader.of({ id: 'a1', title: 'T', created: 'today', preview: 42 }), ORIGIN);
    expect(article).toMatchObject({ id: 'a1', createdAt: null, preview: '', unreadable: ['createdAt', 'preview'] });
    const channel = mapChannel(Reader.of({ channelId: 'c1', name: 'general', lastMessageTime: 'now' }), ORIGIN);
    expect(channel).toMatchObject({ lastMessageTime: null, unreadable: ['lastMessageTime'] });
  });
});
