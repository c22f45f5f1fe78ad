/**
 * CodeReviewRecord → Review. The record is polymorphic (space-api.md §2b): `MergeRequestRecord` has
 * branch pairs, `CommitSetReviewRecord` doesn't; `className` tells them apart.
 */
import { batchFields } from '../fields.ts';
import { formatReviewKey } from '../keys.ts';
import type { Reader } from '../parse.ts';
import type { Review } from '../types.ts';
import { reviewUrl } from '../web-urls.ts';
import { PERSON_REF_FIELDS, personRef } from './common.ts';

/** One review by id/number/key. */
export const REVIEW_FIELDS = 'className,id,number,title,state,createdAt,project(key),'
  + `createdBy(${PERSON_REF_FIELDS}),branchPairs(sourceBranch,targetBranch,repository)`;

/** The list item is `CodeReviewWithCount {review, messagesCount, …}`. */
export const REVIEW_BATCH_FIELDS = batchFields(`review(${REVIEW_FIELDS})`);

export function mapReview(record: Reader, origin: string, requestedProjectKey: string): Review {
  const projectKey = (record.optObj('project')?.optStr('key') || requestedProjectKey).toUpperCase();
  const number = record.int('number');
  const type = reviewType(record);
  const pair = record.objects('branchPairs')[0];
  const author = record.optObj('createdBy');
  return {
    kind: 'review',
    id: record.id('id'),
    title: record.str('title'),
    webUrl: reviewUrl(origin, projectKey, number),
    projectKey,
    number,
    key: formatReviewKey(projectKey, number, type),
    state: record.str('state'),
    type,
    branches: pair
      ? { source: pair.str('sourceBranch'), target: pair.str('targetBranch'), repository: pair.optStr('repository') ?? '' }
      : null,
    author: author ? personRef(author) : null,
    createdAt: record.optTimestamp('createdAt'),
  };
}

function reviewType(record: Reader): Review['type'] {
  const className = record.optStr('className');
  if (className === 'MergeRequestRecord') return 'merge-request';
  if (className === 'CommitSetReviewRecord') return 'commit-set';
  // An unknown subtype: branch pairs only exist on merge requests.
  return record.has('branchPairs') ? 'merge-request' : 'commit-set';
}
