import { kindSearch } from '../../kinds/search-registry.ts';
import type { Entity } from '../../shared/kinds.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import { workerErrors } from '../app-error.ts';
import type { Handler } from '../router.ts';

/** The full card for one entity; `id` is what its kind's card hands out as `detailsId` and its `details` decodes. */
export const handleDetails: Handler<'details'> = async (request, deps) => {
  const load = kindSearch(request.kind).details(request.id);
  if (!load) throw workerErrors.badRequest('details-id');
  const conn = await openConnection(deps);
  return callSpace(deps.platform, conn, (api) => load(api, {}) as Promise<Entity>);
};
