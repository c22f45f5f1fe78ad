import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const locationSearch: KindSearch<'location'> = {
  kind: 'location',
  permission: 'Locations.View',
  // The endpoint is not paginated; the client filters and pages it by offset.
  search: textSearch((api, query, page, opts) => api.searchLocations(query, page, opts)),
  details: (id) => (api, opts) => api.location(id, opts),
  omniboxLine: (location) => location.type,
};
