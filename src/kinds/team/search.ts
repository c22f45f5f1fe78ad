import type { KindSearch } from '../kind-search.ts';

export const teamSearch: KindSearch<'team'> = {
  kind: 'team',
  permission: 'Team.View',
  async search(api, query, ctx) {
    if (query.text === '') return [];
    const batch = await api.searchTeams(query.text, { top: ctx.top }, { signal: ctx.signal });
    return batch.items.slice(0, ctx.top);
  },
  details: (api, id, opts) => api.team(id, opts),
};
