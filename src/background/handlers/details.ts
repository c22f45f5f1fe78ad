import { kindSearch } from '../../kinds/search-registry.ts';
import type { Entity } from '../../shared/kinds.ts';
import { isSpaceError } from '../../space/errors.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import { workerErrors } from '../app-error.ts';
import { answersTo } from '../home/details-id.ts';
import { notePinnedAnswer } from '../home/recent-pinned.ts';
import type { Handler } from '../router.ts';

/**
 * The full card for one entity; `id` is what its kind's card hands out as `detailsId` and its `details` decodes.
 * Its answer also tells a pin of that item whether Space still finds it (issue 14 item 2): not-found marks the pin
 * `gone`, a later card clears it — no request of its own.
 */
export const handleDetails: Handler<'details'> = async (request, deps, context) => {
  const load = kindSearch(request.kind).details(request.id);
  if (!load) throw workerErrors.badRequest('details-id');
  const conn = await openConnection(deps);
  const owner = { key: conn.key, private: context.private };
  const isIt = (entity: Entity) => answersTo(entity, request.kind, request.id);
  let entity: Entity;
  try {
    entity = await callSpace(deps.platform, conn, (api) => load(api, {}) as Promise<Entity>);
  } catch (e) {
    if (isSpaceError(e) && e.code === 'not-found') await notePinnedAnswer(deps.platform, owner, isIt, null).catch(() => undefined);
    throw e;
  }
  await notePinnedAnswer(deps.platform, owner, isIt, entity).catch(() => undefined);
  return entity;
};
