import { readConnection } from '../connection-store.ts';
import { directoryEntities } from '../home/directory-entities.ts';
import { byId, findHeld } from '../home/find.ts';
import { addRecent } from '../home/recent-pinned.ts';
import type { Handler } from '../router.ts';

/**
 * The popup opened or copied an item: it goes to the front of Recent, as the worker holds it (home/find.ts). Not
 * found, not connected, or from a private window: nothing is stored.
 */
export const handleRemember: Handler<'remember'> = async (request, deps, context) => {
  const { record } = await readConnection(deps.platform);
  const owner = { key: record?.id ?? '', private: request.private === true || context.private };
  if (!record || owner.private) return { remembered: false };
  const entity = await findHeld(deps.platform, owner, record.origin, byId(request.kind, request.id), directoryEntities(deps));
  return { remembered: entity !== null && (await addRecent(deps.platform, owner, entity, deps.now())) };
};
