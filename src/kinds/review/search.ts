import { formatKey } from '../../space/keys.ts';
import type { KindSearch } from '../kind-search.ts';
import { orEmptyIfNotFound, projectScopedText, searchAcrossProjects } from '../project-scoped.ts';

export const reviewSearch: KindSearch<'review'> = {
  kind: 'review',
  permission: 'Project.CodeReview.View',
  async search(api, query, ctx) {
    const opts = { signal: ctx.signal };
    if (query.key?.kind === 'review') return orEmptyIfNotFound(api.reviewByKey(formatKey(query.key), opts));
    const { text, projectOnly } = projectScopedText(query);
    if (text === '' && projectOnly === null) return [];
    const projects = projectOnly !== null ? [projectOnly] : await ctx.scopeProjects();
    return searchAcrossProjects(projects, ctx.top, async (projectKey) =>
      (await api.searchReviews(projectKey, text, { top: ctx.top }, opts)).items);
  },
  /** `id` is the review key, `ABC-MR-12` or `ABC-CR-12`. */
  details: (api, key, opts) => api.reviewByKey(key, opts),
};
