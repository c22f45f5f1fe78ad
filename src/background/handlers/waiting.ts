import { openConnection } from '../active-connection.ts';
import { loadWaiting } from '../home/waiting.ts';
import type { Handler } from '../router.ts';

/**
 * Waiting for you, refreshed now (the popup asks on open, after painting the stored list). Not configured, no host
 * access or a refused token fail like a search does; a Space failure is the list's `stale`, with the previous rows.
 */
export const handleWaiting: Handler<'waiting'> = async (request, deps, context) => {
  const conn = await openConnection(deps, { private: request.private === true || context.private });
  return loadWaiting(deps, conn);
};
