/** The repository kind's Space side: the global find (names only) and one repository's details. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { batchOf } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import { Reader } from '../../space/parse.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Repository } from './entity.ts';
import { projectPath } from '../project/space.ts';
import { REPOSITORY_FIND_BATCH_FIELDS, REPOSITORY_INFO_FIELDS, mapRepositoryFound, mapRepositoryInfo } from './mapper.ts';

export const repositoryPath = (projectKey: string, name: string) => `${projectPath(projectKey)}/repositories/${pathSegment(name)}`;

export const searchRepositories = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Repository>> => api.get({
  op: 'searchRepositories', path: '/projects/repositories/find', fields: REPOSITORY_FIND_BATCH_FIELDS,
  query: { term: query, ...pageQuery(page) }, on404: 'unsupported', map: batchOf(mapRepositoryFound),
}, call);

export const repository = async (api: SpaceApi, projectKey: string, name: string, call?: CallOptions): Promise<Repository> => api.get({
  op: 'repository', path: repositoryPath(projectKey, name), fields: REPOSITORY_INFO_FIELDS,
  subject: `${projectKey}/${name}`, onInvalid: 'not-found',
  map: (json, origin) => mapRepositoryInfo(Reader.of(json), origin, projectKey, name),
}, call);
