/**
 * CodeReviewRecord → Review. The record is polymorphic (space-api.md §2b): `MergeRequestRecord` has
 * branch pairs, `CommitSetReviewRecord` doesn't; `className` tells them apart.
 */
import { batchFields } from '../../space/fields.ts';
import { formatReviewKey } from '../../space/keys.ts';
import type { Reader } from '../../space/parse.ts';
import type { Review } from './entity.ts';
import { projectNumberedIdentity } from '../project-numbered.ts';
import { reviewUrl } from './web-url.ts';
import { HiddenFields, PERSON_REF_FIELDS, optPersonRef } from '../../space/mappers/common.ts';

/** One review by id/number/key. */
export const REVIEW_FIELDS = 'className,id,number,title,state,createdAt,project(key),'
  + `createdBy(${PERSON_REF_FIELDS}),branchPairs(sourceBranch,targetBranch,repository)`;
/** The list item is `CodeReviewWithCount {review, messagesCount, …}`. */
export const REVIEW_BATCH_FIELDS = batchFields(`review(${REVIEW_FIELDS})`);

/**
 * As for issues (see `mapIssue`), id, number, title and state are required unless Space lists them in
 * `$errors`; everything nested (author, project, branches) is best effort and never fails the review.
 * On the wire `state` is `Opened | Closed | Deleted` (spec `CodeReviewState` [C]).
 */
export function mapReview(record: Reader, origin: string, requestedProjectKey: string, requestedNumber?: number): Review {
  const hidden = new HiddenFields();
  const project = record.looseObj('project');
  hidden.check(record, 'project', 'projectKey');
  hidden.check(project, 'key', 'projectKey');
  const projectKey = (project?.looseStr('key') || requestedProjectKey).toUpperCase();

  const number = hidden.check(record, 'number', 'number', 'key') ? (requestedNumber ?? 0) : record.int('number');
  const type = reviewType(record, hidden);
  const key = number > 0 ? formatReviewKey(projectKey, number, type) : '';
  hidden.check(record, 'title', 'title');
  hidden.check(record, 'id', 'id');
  hidden.check(record, 'state', 'state');
  hidden.checkWithin(record, 'createdAt', 'createdAt');

  return hidden.apply<Review>({
    kind: 'review',
    ...projectNumberedIdentity(record, origin, projectKey, number, key, reviewUrl),
    state: record.strOr('state', ''),
    type,
    branches: branches(record, hidden),
    author: optPersonRef(record, 'createdBy', hidden, 'author'),
    createdAt: hidden.optional('createdAt', () => record.optTimestamp('createdAt')),
  });
}

/** The first branch pair of a merge request; an incomplete pair is shown as no branches. */
function branches(record: Reader, hidden: HiddenFields): Review['branches'] {
  hidden.check(record, 'branchPairs', 'branches');
  const pair = record.looseObjects('branchPairs')[0];
  if (!pair) return null;
  hidden.check(pair, ['sourceBranch', 'targetBranch', 'repository'], 'branches');
  const source = pair.looseStr('sourceBranch');
  const target = pair.looseStr('targetBranch');
  return source === null || target === null ? null : { source, target, repository: pair.looseStr('repository') ?? '' };
}

function reviewType(record: Reader, hidden: HiddenFields): Review['type'] {
  const className = record.optStr('className');
  if (className === 'MergeRequestRecord') return 'merge-request';
  if (className === 'CommitSetReviewRecord') return 'commit-set';
  // An unknown subtype (or a withheld className): branch pairs only exist on merge requests.
  hidden.check(record, 'className', 'type');
  return record.has('branchPairs') ? 'merge-request' : 'commit-set';
}
