/** Teams of the directory (shared world, data-organization.ts): search and one team by id. */
import { teamUrl } from '../../../src/kinds/team/web-url.ts';
import { ApiError, defineKind, matchesWordPrefixes, pageOf, route, type RequestContext } from '../kind-kit.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export default defineKind({
  kind: 'team',
  routes: [
    route('GET', '/team-directory/teams', searchTeams),
    route('GET', '/team-directory/teams/{id}', (ctx) => {
      const team = ctx.dataset.teamById.get(ctx.params.id as string);
      if (!team) throw new ApiError(404, 'not-found', 'Team not found');
      return team;
    }),
  ],
  counts: (ds) => ({ teams: ds.teams.length }),
  e2e: { query: 'flight software', url: (origin, ds) => teamUrl(origin, ds.teams.find((t) => t.name === 'Flight Software')!) },
});

function searchTeams(ctx: RequestContext): unknown {
  const q = ctx.query;
  const query = q.get('query') ?? '';
  const withArchived = q.flag('withArchived', false);
  const teams = ctx.dataset.teams
    .filter((t) => (withArchived || !t.archived) && matchesWordPrefixes(query, [t.name]))
    .sort((a, b) => collator.compare(a.name, b.name));
  return pageOf(teams, q);
}
