/** Locations of the directory (shared world, data-organization.ts): search and one location by id. */
import { locationUrl } from '../../../src/kinds/location/web-url.ts';
import { ApiError, containsFolded, defineKind, route, type RequestContext } from '../kind-kit.ts';

export default defineKind({
  kind: 'location',
  routes: [
    route('GET', '/team-directory/locations', searchLocations),
    route('GET', '/team-directory/locations/{id}', (ctx) => {
      const location = ctx.dataset.locationById.get(ctx.params.id as string);
      if (!location) throw new ApiError(404, 'not-found', 'Location not found');
      return location;
    }),
  ],
  counts: (ds) => ({ locations: ds.locations.length }),
  e2e: {
    query: 'amsterdam office',
    url: (origin, ds) => locationUrl(origin, ds.locations.find((l) => l.name === 'Amsterdam Office')!),
  },
});

/** [C] not paginated: a plain array. `type` may repeat. */
function searchLocations(ctx: RequestContext): unknown {
  const q = ctx.query;
  const query = q.get('query') ?? '';
  const types = q.getAll('type').map((t) => t.toLowerCase());
  const withArchived = q.flag('withArchived', false);
  return ctx.dataset.locations.filter((l) =>
    (withArchived || !l.archived)
    && (types.length === 0 || types.includes(l.type.toLowerCase()))
    && containsFolded(l.name, query));
}
