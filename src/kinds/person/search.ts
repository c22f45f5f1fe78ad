import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const personSearch: KindSearch<'person'> = {
  kind: 'person',
  permission: 'Profile.View',
  search: textSearch((api, text, page, opts) => api.searchPeople(text, page, opts)),
  // Space's profile endpoint takes `username:x`; the username is what `detailsIdOf` hands out.
  details: (api, username, opts) => api.person(username, opts),
};
