import type { KindSearch } from '../kind-search.ts';

export const personSearch: KindSearch<'person'> = {
  kind: 'person',
  permission: 'Profile.View',
  async search(api, query, ctx) {
    if (query.text === '') return [];
    const batch = await api.searchPeople(query.text, { top: ctx.top }, { signal: ctx.signal });
    return batch.items.slice(0, ctx.top);
  },
  // Space's profile endpoint takes `username:x`; the username is what `detailsIdOf` hands out.
  details: (api, username, opts) => api.person(username, opts),
};
