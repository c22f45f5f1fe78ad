import { kindSearch } from '../../kinds/search-registry.ts';
import type { Entity } from '../../shared/protocol.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import type { Handler } from '../router.ts';

/** The full card for one entity; `id` is `detailsIdOf(entity)` (src/shared/details-id.ts). */
export const handleDetails: Handler<'details'> = async (request, deps) => {
  const conn = await openConnection(deps);
  const search = kindSearch(request.kind);
  return callSpace(deps.platform, conn, (api) => search.details(api, request.id, {}) as Promise<Entity>);
};
