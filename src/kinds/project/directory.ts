/** Every project the token can see, for the local directory: the project search without a `term` (nullable [C OAS]). */
import { batchOf } from '../../space/endpoint.ts';
import { directoryPageQuery, type DirectoryList } from '../directory-source.ts';
import type { Project } from './entity.ts';
import { PROJECT_BATCH_FIELDS, mapProject } from './mapper.ts';

export const listProjects: DirectoryList<Project> = (api, page, call) => api.get({
  op: 'directoryProjects', path: '/projects', fields: PROJECT_BATCH_FIELDS, query: directoryPageQuery(page),
  on404: 'unsupported', map: batchOf(mapProject),
}, call);
