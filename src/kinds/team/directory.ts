/** Every team that is not archived, for the local directory (as team search: `withArchived` false). */
import { batchOf } from '../../space/endpoint.ts';
import { directoryPageQuery, type DirectoryList } from '../directory-source.ts';
import type { Team } from './entity.ts';
import { TEAM_BATCH_FIELDS, mapTeam } from './mapper.ts';

export const listTeams: DirectoryList<Team> = (api, page, call) => api.get({
  op: 'directoryTeams', path: '/team-directory/teams', fields: TEAM_BATCH_FIELDS,
  query: { withArchived: false, ...directoryPageQuery(page) }, on404: 'unsupported', map: batchOf(mapTeam),
}, call);
