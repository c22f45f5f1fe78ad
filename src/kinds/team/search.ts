import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const teamSearch: KindSearch<'team'> = {
  kind: 'team',
  permission: 'Team.View',
  search: textSearch((api, query, page, opts) => api.searchTeams(query, page, opts)),
  details: (id) => (api, opts) => api.team(id, opts),
  omniboxLine: () => 'team',
};
