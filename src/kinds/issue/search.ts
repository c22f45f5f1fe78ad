import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';
import { PERMISSION, issueByKey, searchIssues } from './space.ts';

export const issueSearch: KindSearch<'issue'> = {
  kind: 'issue',
  permission: PERMISSION,
  projectScoped: true,
  search: projectScopedSearch('issue', {
    byKey: issueByKey,
    inProject: searchIssues,
  }),
  /** `key` is the issue key, `ABC-T-12`. */
  details: (key) => (api, opts) => issueByKey(api, key, opts),
  omniboxLine: (issue) => `${issue.key} · ${issue.status.name}`,
};
