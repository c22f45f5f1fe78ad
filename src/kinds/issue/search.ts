import { formatKey } from '../../space/keys.ts';
import type { KindSearch } from '../kind-search.ts';
import { orEmptyIfNotFound, projectScopedText, searchAcrossProjects } from '../project-scoped.ts';

export const issueSearch: KindSearch<'issue'> = {
  kind: 'issue',
  permission: 'Project.Issues.View',
  async search(api, query, ctx) {
    const opts = { signal: ctx.signal };
    if (query.key?.kind === 'issue') return orEmptyIfNotFound(api.issueByKey(formatKey(query.key), opts));
    const { text, projectOnly } = projectScopedText(query);
    if (text === '' && projectOnly === null) return [];
    const projects = projectOnly !== null ? [projectOnly] : await ctx.scopeProjects();
    return searchAcrossProjects(projects, ctx.top, async (projectKey) =>
      (await api.searchIssues(projectKey, text, { top: ctx.top }, opts)).items);
  },
  /** `id` is the issue key, `ABC-T-12`. */
  details: (api, key, opts) => api.issueByKey(key, opts),
};
