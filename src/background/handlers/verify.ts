import { callSpace, openConnection } from '../active-connection.ts';
import { statusWithBadge } from '../badge.ts';
import { identityOf, updateConnection } from '../connection-store.ts';
import type { Handler } from '../router.ts';

/**
 * "Check again": re-verify the stored token with the current-user call. Success refreshes identity and
 * lastVerified and clears a previous rejection; a 401 marks the token rejected; other failures (network,
 * server) are reported and change nothing.
 */
export const handleVerify: Handler<'verify'> = async (_request, deps) => {
  const conn = await openConnection(deps, { allowRejected: true });
  const me = await callSpace(deps.platform, conn, (api) => api.me());
  await updateConnection(deps.platform, conn.record.id, {
    auth: 'ok',
    identity: identityOf(me),
    lastVerified: deps.now(),
  });
  return statusWithBadge(deps.platform);
};
