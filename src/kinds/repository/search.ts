import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { repository, searchRepositories } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'repository'> = {
  kind: 'repository',
  permission: permissions[0],
  search: textSearch(searchRepositories),
  /** `id` is `PROJECT/name` (repositories have no global id in Space's find endpoint). */
  details(id) {
    const slash = id.indexOf('/');
    if (slash <= 0 || slash === id.length - 1) return null;
    const projectKey = id.slice(0, slash);
    const name = id.slice(slash + 1);
    return (api, opts) => repository(api, projectKey, name, opts);
  },
  omniboxLine: (repository) => repository.projectKey,
};
