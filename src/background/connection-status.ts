/**
 * The stored connection as pages may know it (`ConnectionStatus`): configured or not, origin, method, identity,
 * the token's last four characters, the auth state — never a secret — and whether anything of a connection is left
 * for Forget to remove.
 */
import type { AuthState, ConnectionStatus } from '../shared/protocol.ts';
import { ACCESS_TOKEN_KEY, ALL_SECRET_KEYS, type StoredConnection } from './connection-store.ts';
import { hasHostPermission } from './host-permission.ts';
import type { Platform } from './platform.ts';
import { hasStoredScope } from './settings-store.ts';

/**
 * Without a record, is anything else of a connection left: a secret in either area (a worker stopped between
 * two writes), an access token, or a search scope?
 */
async function hasLeftovers(platform: Platform): Promise<boolean> {
  const [local, session, scope] = await Promise.all([
    platform.storage.local.get(ALL_SECRET_KEYS),
    platform.storage.session.get([...ALL_SECRET_KEYS, ACCESS_TOKEN_KEY]),
    hasStoredScope(platform),
  ]);
  return Object.keys(local).length > 0 || Object.keys(session).length > 0 || scope;
}

export function toStatus(stored: StoredConnection, granted: boolean, leftovers = false): ConnectionStatus {
  const { record, token } = stored;
  const configured = record !== null && token !== null;
  let auth: AuthState = 'unverified';
  // No host access comes first: without it the token cannot even be checked (openConnection agrees).
  if (configured) {
    auth = !granted ? 'no-host-permission'
      : record.auth === 'rejected' && record.method === 'oauth' ? 'sign-in-again'
      : record.auth;
  }
  return {
    configured,
    origin: record?.origin ?? null,
    host: record ? new URL(record.origin).host : null,
    identity: configured ? record.identity : null,
    method: record?.method ?? 'token',
    clientId: record?.clientId ?? null,
    tokenLast4: configured && record.method === 'token' ? record.tokenLast4 : null,
    lastVerified: configured ? record.lastVerified : null,
    sessionOnly: record?.sessionOnly ?? false,
    auth,
    remembered: record !== null || token !== null || leftovers,
  };
}

/**
 * What pages may know of what `readConnection` returned — configured, origin, method, identity, last 4 characters
 * (personal tokens), auth state; never a token — with the host permission and the leftovers checked live.
 */
export async function statusOf(platform: Platform, stored: StoredConnection): Promise<ConnectionStatus> {
  const granted = stored.record ? await hasHostPermission(platform, stored.record.origin) : false;
  const leftovers = stored.record === null && await hasLeftovers(platform);
  return toStatus(stored, granted, leftovers);
}
