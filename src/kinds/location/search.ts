import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { PERMISSION, location, searchLocations } from './space.ts';

export const locationSearch: KindSearch<'location'> = {
  kind: 'location',
  permission: PERMISSION,
  // The endpoint is not paginated; the client filters and pages it by offset.
  search: textSearch(searchLocations),
  details: (id) => (api, opts) => location(api, id, opts),
  omniboxLine: (location) => location.type,
};
