import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { person, searchPeople } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'person'> = {
  kind: 'person',
  permission: permissions[0],
  search: textSearch(searchPeople),
  // Space's profile endpoint takes `username:x`; the username is what the card's `detailsId` hands out.
  details: (username) => (api, opts) => person(api, username, opts),
  omniboxLine: (person) => `@${person.username}`,
  omniboxText: true,
};
