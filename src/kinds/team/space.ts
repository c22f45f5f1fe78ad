/** The team kind's Space side: team search and one team's card. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { one, searchOf } from '../../space/endpoint.ts';
import type { CallOptions } from '../../space/types.ts';
import type { Team } from './entity.ts';
import { TEAM_BATCH_FIELDS, TEAM_DETAIL_FIELDS, mapTeam } from './mapper.ts';

const TEAMS = '/team-directory/teams';
export const teamPath = (id: string) => `${TEAMS}/${pathSegment(id)}`;

export const searchTeams = searchOf('searchTeams', TEAMS, TEAM_BATCH_FIELDS, mapTeam, (query) => ({ query, withArchived: false }));

export const team = async (api: SpaceApi, id: string, call?: CallOptions): Promise<Team> => api.get({
  op: 'team', path: teamPath(id), fields: TEAM_DETAIL_FIELDS, map: one(mapTeam),
}, call);
