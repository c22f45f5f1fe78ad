/** The team kind's Space side: team search and one team's card. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { batchOf, one } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Team } from './entity.ts';
import { TEAM_BATCH_FIELDS, TEAM_DETAIL_FIELDS, mapTeam } from './mapper.ts';

const TEAMS = '/team-directory/teams';
export const teamPath = (id: string) => `${TEAMS}/${pathSegment(id)}`;

export const searchTeams = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Team>> => api.get({
  op: 'searchTeams', path: TEAMS, fields: TEAM_BATCH_FIELDS, query: { query, withArchived: false, ...pageQuery(page) },
  on404: 'unsupported', map: batchOf(mapTeam),
}, call);

export const team = async (api: SpaceApi, id: string, call?: CallOptions): Promise<Team> => api.get({
  op: 'team', path: teamPath(id), fields: TEAM_DETAIL_FIELDS, map: one(mapTeam),
}, call);
