/**
 * Waiting for you (issue 14 item 3), the review side: the open code reviews of one project where it is the user's
 * turn as a reviewer. One request per project.
 *
 * Server side, as far as the spec lets us filter: `reviewer=me` (the reviews the user reviews) and `state=Opened`
 * (OAS `GET /projects/{project}/code-reviews`). On the client, from the participant records
 * (`CodeReviewWithCount.participants.reviewers[]`, OAS `CodeReviewParticipantRecord`): the user's own record says
 * `role: Reviewer` and `theirTurn: true`, and not `reviewerState: Accepted`.
 * [I] guessed: `reviewer` takes a profile identifier like `author` (`me`, as for issues' `assigneeId`; the spec types
 * both as plain strings, space-api.md §2a says "profile ids"); the user's record is found by username (the connection
 * knows the user by username, not by profile id); an accepted reviewer whose `theirTurn` lingers is not waited for.
 * docs/space-behaviour.md "Waiting for you".
 */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Batch, CallOptions } from '../../space/types.ts';
import type { Review } from './entity.ts';
import { inProject, projectPath } from '../project/space.ts';
import { REVIEW_FIELDS, mapReview } from './mapper.ts';

/** The row's fields (the search's), and of the participants only what says whose turn it is. */
export const WAITING_REVIEW_FIELDS = batchFields(
  `review(${REVIEW_FIELDS}),participants(reviewers(role,profile(username),reviewerState,theirTurn))`,
);

/** Enough for anyone's review queue; the oldest first (they have waited longest). */
const WAITING_TOP = 50;

/** The reviews of project `projectKey` waiting for `username`; null items are the project's other reviews. */
export const reviewsWaitingFor = async (
  api: SpaceApi, projectKey: string, username: string, call?: CallOptions,
): Promise<Batch<Review | null>> => inProject(api, projectKey, 'waitingReviews', call, () => api.get({
  op: 'waitingReviews', path: `${projectPath(projectKey)}/code-reviews`, fields: WAITING_REVIEW_FIELDS, subject: projectKey,
  on404: 'unsupported',
  query: { reviewer: 'me', state: 'Opened', sort: 'CreatedAtAsc', $top: WAITING_TOP },
  map: batchOf((item, origin) => {
    const review = mapReview(item.obj('review'), origin, projectKey);
    return review.state === 'Opened' && isTurnOf(item, username) ? review : null;
  }),
}, call));

/** The user's reviewer record says it is their turn. */
export function isTurnOf(item: Reader, username: string): boolean {
  const name = username.toLowerCase();
  return (item.looseObj('participants')?.looseObjects('reviewers') ?? []).some((record) =>
    record.looseObj('profile')?.looseStr('username')?.toLowerCase() === name
    && record.looseStr('role') === 'Reviewer'
    && flag(record, 'theirTurn')
    && record.looseStr('reviewerState') !== 'Accepted');
}

/** A boolean that must be `true`; anything else (absent, withheld, not a boolean) is not. */
function flag(record: Reader, key: string): boolean {
  try {
    return record.optBool(key, false);
  } catch {
    return false;
  }
}
