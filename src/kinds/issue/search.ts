import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';

export const issueSearch: KindSearch<'issue'> = {
  kind: 'issue',
  permission: 'Project.Issues.View',
  projectScoped: true,
  search: projectScopedSearch('issue', {
    byKey: (api, key, opts) => api.issueByKey(key, opts),
    inProject: (api, projectKey, text, page, opts) => api.searchIssues(projectKey, text, page, opts),
  }),
  /** `id` is the issue key, `ABC-T-12`. */
  details: (api, key, opts) => api.issueByKey(key, opts),
};
