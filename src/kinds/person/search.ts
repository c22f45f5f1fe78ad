import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const personSearch: KindSearch<'person'> = {
  kind: 'person',
  permission: 'Profile.View',
  search: textSearch((api, query, page, opts) => api.searchPeople(query, page, opts)),
  // Space's profile endpoint takes `username:x`; the username is what the card's `detailsId` hands out.
  details: (username) => (api, opts) => api.person(username, opts),
  omniboxLine: (person) => `@${person.username}`,
  omniboxText: true,
};
