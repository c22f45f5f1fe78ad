import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';

export const reviewSearch: KindSearch<'review'> = {
  kind: 'review',
  permission: 'Project.CodeReview.View',
  projectScoped: true,
  search: projectScopedSearch('review', {
    byKey: (api, key, opts) => api.reviewByKey(key, opts),
    inProject: (api, projectKey, query, page, opts) => api.searchReviews(projectKey, query, page, opts),
  }),
  /** `key` is the review key, `ABC-MR-12` or `ABC-CR-12`. */
  details: (key) => (api, opts) => api.reviewByKey(key, opts),
  omniboxLine: (review) => `${review.key} · ${review.state}`,
};
