/**
 * Every location that is not archived, for the local directory. Space answers locations as one plain array, not a
 * batch (space-api.md §3): one request holds them all, so the page asked for is ignored and there is no next one.
 * The request is location search's with an empty query (space.ts); archived ones are left out as there.
 */
import { mapEach } from '../../space/paging.ts';
import { readArrayElements } from '../../space/parse.ts';
import type { DirectoryList } from '../directory-source.ts';
import type { Location } from './entity.ts';
import { LOCATION_FIELDS, mapLocation } from './mapper.ts';

export const listLocations: DirectoryList<Location> = async (api, _page, call) => {
  const all = await api.get({
    op: 'directoryLocations', path: '/team-directory/locations', fields: LOCATION_FIELDS, query: { query: '', withArchived: false },
    on404: 'unsupported',
    map: (json, origin) => mapEach(readArrayElements(json), (l) => (l.optBool('archived', false) ? null : mapLocation(l, origin))),
  }, call);
  const items = all.items.filter((l) => l !== null);
  return { items, next: null, totalCount: items.length, unreadable: all.unreadable };
};
