import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';
import { reviewByKey, searchReviews } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'review'> = {
  kind: 'review',
  permission: permissions[0],
  projectScoped: true,
  search: projectScopedSearch('review', {
    byKey: reviewByKey,
    inProject: searchReviews,
  }),
  /** `key` is the review key, `ABC-MR-12` or `ABC-CR-12`. */
  details: (key) => (api, opts) => reviewByKey(api, key, opts),
  omniboxLine: (review) => `${review.key} · ${review.state}`,
};
