import type { KindSearch } from '../kind-search.ts';

export const locationSearch: KindSearch<'location'> = {
  kind: 'location',
  permission: 'Locations.View',
  async search(api, query, ctx) {
    if (query.text === '') return [];
    // The endpoint is not paginated; the client filters and caps it, the slice keeps the contract anyway.
    const batch = await api.searchLocations(query.text, { top: ctx.top }, { signal: ctx.signal });
    return batch.items.slice(0, ctx.top);
  },
  details: (api, id, opts) => api.location(id, opts),
};
