import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { searchTeams, team } from './space.ts';
import { teamPermissions } from './permissions.ts';

export const teamSearch: KindSearch<'team'> = {
  kind: 'team',
  permission: teamPermissions[0],
  search: textSearch(searchTeams),
  details: (id) => (api, opts) => team(api, id, opts),
  omniboxLine: () => 'team',
};
