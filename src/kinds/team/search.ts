import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { PERMISSION, searchTeams, team } from './space.ts';

export const teamSearch: KindSearch<'team'> = {
  kind: 'team',
  permission: PERMISSION,
  search: textSearch(searchTeams),
  details: (id) => (api, opts) => team(api, id, opts),
  omniboxLine: () => 'team',
};
