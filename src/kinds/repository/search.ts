import { failures } from '../../background/app-error.ts';
import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const repositorySearch: KindSearch<'repository'> = {
  kind: 'repository',
  permission: 'VcsRepository.Read',
  search: textSearch((api, text, page, opts) => api.searchRepositories(text, page, opts)),
  /** `id` is `PROJECT/name` (repositories have no global id in Space's find endpoint). */
  details(api, id, opts) {
    const slash = id.indexOf('/');
    if (slash <= 0 || slash === id.length - 1) return Promise.reject(failures.badRequest('repository-id'));
    return api.repository(id.slice(0, slash), id.slice(slash + 1), opts);
  },
};
