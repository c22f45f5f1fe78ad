import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { location, searchLocations } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'location'> = {
  kind: 'location',
  permission: permissions[0],
  // The endpoint is not paginated; the client filters and pages it by offset.
  search: textSearch(searchLocations),
  details: (id) => (api, opts) => location(api, id, opts),
  omniboxLine: (location) => location.type,
};
