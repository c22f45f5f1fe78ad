/**
 * Every current member of the organization, for the local directory: the profile search without a query (`query`
 * defaults to "" and `reportCurrentMembers` to true [C OAS]), with the row's fields. A profile whose fields Space
 * withholds (`$errors`) is an anonymous row (mapPerson), never a failed page.
 */
import { batchOf } from '../../space/endpoint.ts';
import { PERSON_BATCH_FIELDS, mapPerson } from '../../space/mappers/person.ts';
import type { Person } from '../../space/types.ts';
import { directoryPageQuery, type DirectoryList } from '../directory-source.ts';

export const listPeople: DirectoryList<Person> = (api, page, call) => api.get({
  op: 'directoryPeople', path: '/team-directory/profiles', fields: PERSON_BATCH_FIELDS, query: directoryPageQuery(page),
  on404: 'unsupported', map: batchOf(mapPerson),
}, call);
