import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const teamSearch: KindSearch<'team'> = {
  kind: 'team',
  permission: 'Team.View',
  search: textSearch((api, text, page, opts) => api.searchTeams(text, page, opts)),
  details: (api, id, opts) => api.team(id, opts),
};
