import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { person, searchPeople } from './space.ts';
import { personPermissions } from './permissions.ts';

export const personSearch: KindSearch<'person'> = {
  kind: 'person',
  permission: personPermissions[0],
  search: textSearch(searchPeople),
  // Space's profile endpoint takes `username:x`; the username is what the card's `detailsId` hands out.
  details: (username) => (api, opts) => person(api, username, opts),
  omniboxLine: (person) => `@${person.username}`,
  omniboxText: true,
};
