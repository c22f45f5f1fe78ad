import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { searchTeams, team } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'team'> = {
  kind: 'team',
  permission: permissions[0],
  search: textSearch(searchTeams),
  details: (id) => (api, opts) => team(api, id, opts),
  omniboxLine: () => 'team',
};
