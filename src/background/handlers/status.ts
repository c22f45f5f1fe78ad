import type { ConnectionStatus } from '../../shared/protocol.ts';
import { refreshBadge } from '../badge.ts';
import { readConnection, toStatus } from '../connection-store.ts';
import { hasHostPermission } from '../host-permission.ts';
import type { Handler } from '../router.ts';
import type { Platform } from '../platform.ts';

/** What pages may know: configured, origin, identity, last 4 characters, auth state. Never the token. */
export async function currentStatus(platform: Platform): Promise<ConnectionStatus> {
  const stored = await readConnection(platform);
  const granted = stored.record ? await hasHostPermission(platform, stored.record.origin) : false;
  return toStatus(stored, granted);
}

export const handleStatus: Handler<'status'> = async (_request, { platform }) => {
  const status = await currentStatus(platform);
  // The popup asks on every open: a cheap moment to bring the badge in line (e.g. permission revoked).
  await refreshBadge(platform);
  return status;
};
