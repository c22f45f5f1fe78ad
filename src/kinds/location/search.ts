import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { location, searchLocations } from './space.ts';
import { locationPermissions } from './permissions.ts';

export const locationSearch: KindSearch<'location'> = {
  kind: 'location',
  permission: locationPermissions[0],
  // The endpoint is not paginated; the client filters and pages it by offset.
  search: textSearch(searchLocations),
  details: (id) => (api, opts) => location(api, id, opts),
  omniboxLine: (location) => location.type,
};
