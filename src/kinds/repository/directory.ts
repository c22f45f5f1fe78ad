/**
 * Every repository, for the local directory: the global find with an empty `term`. `term` is required and a
 * substring of the name [C OAS]; that the empty substring lists every repository is [I] (docs/space-behaviour.md).
 */
import { batchOf } from '../../space/endpoint.ts';
import { directoryPageQuery, type DirectoryList } from '../directory-source.ts';
import type { Repository } from './entity.ts';
import { REPOSITORY_FIND_BATCH_FIELDS, mapRepositoryFound } from './mapper.ts';

export const listRepositories: DirectoryList<Repository> = (api, page, call) => api.get({
  op: 'directoryRepositories', path: '/projects/repositories/find', fields: REPOSITORY_FIND_BATCH_FIELDS,
  query: { term: '', ...directoryPageQuery(page) }, on404: 'unsupported', map: batchOf(mapRepositoryFound),
}, call);
