import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const codeSearch: KindSearch<'code'> = {
  kind: 'code',
  // Source search has no `x-rights` in Space's spec; it reads repositories (src/space/required-permissions.ts).
  permission: 'VcsRepository.Read',
  // An older server has no source search: its 404 is `unsupported`, the group's "not available on this server".
  search: textSearch((api, query, page, opts) => api.searchCode(query, page, opts)),
  // The row is the whole card (the matching lines come with it): the card hands out no details id (card.tsx).
  details: () => null,
  omniboxLine: (match) => `${match.projectKey} · ${match.repository}${match.line === null ? '' : `:${match.line}`}`,
};
