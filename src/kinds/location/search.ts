import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const locationSearch: KindSearch<'location'> = {
  kind: 'location',
  permission: 'Locations.View',
  // The endpoint is not paginated; the client filters and pages it by offset.
  search: textSearch((api, text, page, opts) => api.searchLocations(text, page, opts)),
  details: (api, id, opts) => api.location(id, opts),
};
