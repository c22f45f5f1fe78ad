import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';

export const reviewSearch: KindSearch<'review'> = {
  kind: 'review',
  permission: 'Project.CodeReview.View',
  projectScoped: true,
  search: projectScopedSearch('review', {
    byKey: (api, key, opts) => api.reviewByKey(key, opts),
    inProject: (api, projectKey, text, page, opts) => api.searchReviews(projectKey, text, page, opts),
  }),
  /** `id` is the review key, `ABC-MR-12` or `ABC-CR-12`. */
  details: (api, key, opts) => api.reviewByKey(key, opts),
};
