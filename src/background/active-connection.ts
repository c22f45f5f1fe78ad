/**
 * Opening the stored connection for a call to Space: the token and origin come from storage only (never from
 * a message), the host permission is re-checked before every use (Firefox users can revoke it at any time),
 * and a 401 anywhere marks the stored token rejected and updates the badge.
 */
import type { SpaceApi } from '../space/api.ts';
import { isSpaceError } from '../space/errors.ts';
import { failures } from './app-error.ts';
import { refreshBadge, showBadge } from './badge.ts';
import { hasHostPermission } from './host-permission.ts';
import type { CacheOwner } from './cache.ts';
import { readConnection, updateConnection, type ConnectionRecord } from './connection-store.ts';
import type { Deps, Platform } from './platform.ts';

export interface ActiveConnection extends CacheOwner {
  api: SpaceApi;
  record: ConnectionRecord;
  /** `record.id`: the cache namespace, `LastView.connection`, and the generation writes are checked against. */
  key: string;
  /** The request came from a private (incognito) window: its queries and results stay out of storage. */
  private: boolean;
}

/**
 * @param allowRejected `verify` and `forget` still use a token Space rejected (to re-check it / revoke it);
 *   searches fail fast instead of sending a dead token with every keystroke.
 * @param private The request comes from a private window (see `ActiveConnection.private`).
 */
export async function openConnection(
  deps: Deps,
  opts: { allowRejected?: boolean; private?: boolean } = {},
): Promise<ActiveConnection> {
  const { record, token } = await readConnection(deps.platform);
  if (!record || token === null) throw failures.notConfigured();
  if (!(await hasHostPermission(deps.platform, record.origin))) {
    // The state is known from what was just read: no need to read it all again for the badge.
    await showBadge(deps.platform, 'no-host-permission').catch(() => undefined);
    throw failures.noHostPermission(new URL(record.origin).host);
  }
  if (record.auth === 'rejected' && !opts.allowRejected) throw failures.tokenRejected();
  const api = deps.createClient({ origin: record.origin, token });
  return { api, record, key: record.id, private: opts.private === true };
}

/** Persist "token rejected" for this exact token (not a newer one saved meanwhile) and show it on the badge. */
export async function noteAuthRejected(platform: Platform, record: ConnectionRecord): Promise<void> {
  await updateConnection(platform, record.id, { auth: 'rejected' });
  await refreshBadge(platform);
}

/** Run a Space call; a 401 is recorded before the error goes on to the caller. */
export async function callSpace<T>(
  platform: Platform,
  conn: ActiveConnection,
  call: (api: SpaceApi) => Promise<T>,
): Promise<T> {
  try {
    return await call(conn.api);
  } catch (e) {
    if (isSpaceError(e) && e.code === 'unauthorized') await noteAuthRejected(platform, conn.record);
    throw e;
  }
}
