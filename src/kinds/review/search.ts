import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';
import { PERMISSION, reviewByKey, searchReviews } from './space.ts';

export const reviewSearch: KindSearch<'review'> = {
  kind: 'review',
  permission: PERMISSION,
  projectScoped: true,
  search: projectScopedSearch('review', {
    byKey: reviewByKey,
    inProject: searchReviews,
  }),
  /** `key` is the review key, `ABC-MR-12` or `ABC-CR-12`. */
  details: (key) => (api, opts) => reviewByKey(api, key, opts),
  omniboxLine: (review) => `${review.key} · ${review.state}`,
};
