import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';

export const issueSearch: KindSearch<'issue'> = {
  kind: 'issue',
  permission: 'Project.Issues.View',
  projectScoped: true,
  search: projectScopedSearch('issue', {
    byKey: (api, key, opts) => api.issueByKey(key, opts),
    inProject: (api, projectKey, query, page, opts) => api.searchIssues(projectKey, query, page, opts),
  }),
  /** `key` is the issue key, `ABC-T-12`. */
  details: (key) => (api, opts) => api.issueByKey(key, opts),
  omniboxLine: (issue) => `${issue.key} · ${issue.status.name}`,
};
