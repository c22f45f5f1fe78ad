import type { KindSearch } from '../kind-search.ts';
import { projectScopedSearch } from '../project-scoped.ts';
import { issueByKey, searchIssues } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'issue'> = {
  kind: 'issue',
  permission: permissions[0],
  projectScoped: true,
  search: projectScopedSearch('issue', {
    byKey: issueByKey,
    inProject: searchIssues,
  }),
  /** `key` is the issue key, `ABC-T-12`. */
  details: (key) => (api, opts) => issueByKey(api, key, opts),
  omniboxLine: (issue) => `${issue.key} · ${issue.status.name}`,
};
