import { workerErrors } from '../app-error.ts';
import { readConnection } from '../connection-store.ts';
import { directoryEntities } from '../home/directory-entities.ts';
import { byId, findHeld } from '../home/find.ts';
import { setPinned } from '../home/recent-pinned.ts';
import type { Handler } from '../router.ts';

/**
 * Pin or unpin an item (issue 14 item 2). A pin is made of the item as the worker holds it (home/find.ts); an item it
 * does not hold can still be unpinned (a pin Space no longer finds, say). A private window pins nothing: it may not
 * write, and a silent no-op would look like a pin.
 */
export const handlePin: Handler<'pin'> = async (request, deps, context) => {
  if (request.private === true || context.private) throw workerErrors.badRequest('private-window');
  const { record } = await readConnection(deps.platform);
  if (!record) throw workerErrors.notConfigured();
  const owner = { key: record.id, private: false };
  const entity = request.pinned ? await findHeld(deps.platform, owner, record.origin, byId(request.kind, request.id), directoryEntities(deps)) : null;
  return setPinned(deps.platform, owner, { kind: request.kind, id: request.id, entity }, request.pinned, deps.now());
};
