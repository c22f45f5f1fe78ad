/** The review kind's Space side: text search inside one project, and one review by its key. */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { formatReviewKey, notAKey, parseReviewKey } from '../../space/keys.ts';
import { pageQuery } from '../../space/paging.ts';
import { Reader } from '../../space/parse.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Review } from './entity.ts';
import { inProject, projectPath } from '../project/space.ts';
import { REVIEW_BATCH_FIELDS, REVIEW_FIELDS, mapReview } from './mapper.ts';

const reviewsPath = (projectKey: string) => `${projectPath(projectKey)}/code-reviews`;

/** Text search in one project; an empty query lists its latest reviews. A project that doesn't exist is `not-found`. */
export const searchReviews = async (
  api: SpaceApi, projectKey: string, query: string, page?: Page, call?: CallOptions,
): Promise<Batch<Review>> => inProject(api, projectKey, 'searchReviews', call, () => api.get({
  op: 'searchReviews', path: reviewsPath(projectKey), fields: REVIEW_BATCH_FIELDS, subject: projectKey, on404: 'unsupported',
  // `state` defaults to `Opened`; an empty `state=` means every state, so merged and closed reviews are
  // found by their title too (space-api.md §12 [C]: spec default; NET sends `state.ToEnumString()`, empty
  // for null, and its sample lists all reviews with `state: null`). Newest activity first.
  query: { ...(query === '' ? {} : { text: query }), state: '', sort: 'LastUpdatedDesc', ...pageQuery(page) },
  map: batchOf((item, origin) => mapReview(item.obj('review'), origin, projectKey)),
}, call));

/** `ABC-MR-12` or `ABC-CR-12` */
export async function reviewByKey(api: SpaceApi, key: string, call?: CallOptions): Promise<Review> {
  const parsed = parseReviewKey(key);
  if (!parsed) throw notAKey(key, 'review');
  // The key's letters are what the user typed: people write MR for a commit-set review and CR for a
  // merge request. `number:{n}` names the review by its per-project number whatever its type, where
  // `key:ABC-CR-12` may be refused for a merge request [I: whether Space's `key:` resolution checks the
  // letters is unknown; a real server asked for `key:ABC-CR-n` of a merge request would settle it].
  // `number:` is a documented review identifier [C §4, NET ReviewIdentifier]. The mapped review carries
  // the key of its real type.
  const { projectKey, number } = parsed;
  return api.get({
    op: 'review', path: `${reviewsPath(projectKey)}/number:${number}`, fields: REVIEW_FIELDS,
    subject: formatReviewKey(projectKey, number, parsed.type), onInvalid: 'not-found',
    map: (json, origin) => mapReview(Reader.of(json), origin, projectKey, number),
  }, call);
}
