import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { searchCode } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'code'> = {
  kind: 'code',
  permission: permissions[0],
  // An older server has no source search: its 404 is `unsupported`, the group's "not available on this server".
  search: textSearch(searchCode),
  // The row is the whole card (the matching lines come with it): the card hands out no details id (card.tsx).
  details: () => null,
  omniboxLine: (match) => `${match.projectKey} · ${match.repository}${match.line === null ? '' : `:${match.line}`}`,
};
