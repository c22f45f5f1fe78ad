/**
 * A typed key that found nothing: is it the item or its whole project that does not exist? Space answers a
 * key lookup with `not-found` either way (the client reports a user-typed key Space calls malformed, 400
 * `validation-error`, as `not-found` too; brief §4), so one more request — the project by its key — tells
 * them apart. It is made only after a miss, and its answer is cached like a search.
 */
import { project } from '../../kinds/project/space.ts';
import type { MissingKey } from '../../shared/protocol.ts';
import type { ImpossibleKey } from '../../shared/query.ts';
import { isSpaceError } from '../../space/errors.ts';
import { formatKey, type EntityKey } from '../../space/keys.ts';
import type { ActiveConnection } from '../active-connection.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import type { Deps } from '../platform.ts';

/** `key` found nothing (or, for an impossible key such as `ABC-MR-0`, could not find anything). */
export async function missingKeyOf(
  deps: Deps,
  conn: ActiveConnection,
  key: EntityKey | ImpossibleKey,
  signal: AbortSignal,
): Promise<MissingKey> {
  const item: MissingKey = { kind: key.kind, key: 'key' in key ? key.key : formatKey(key) };
  const exists = await projectExists(deps, conn, key.projectKey, signal);
  return exists === false ? { kind: 'project', key: key.projectKey } : item;
}

/** True / false when Space said so; null when it could not tell (forbidden, unreachable…). */
async function projectExists(deps: Deps, conn: ActiveConnection, projectKey: string, signal: AbortSignal): Promise<boolean | null> {
  const entry = cacheKey(conn.key, 'project-exists', projectKey);
  try {
    const hit = await readCache<boolean>(deps.platform, conn, entry, deps.now());
    if (hit?.fresh && typeof hit.value === 'boolean') return hit.value;
  } catch {
    // An unreadable cache is a miss.
  }
  let exists: boolean;
  try {
    await project(conn.api, projectKey, { signal });
    exists = true;
  } catch (e) {
    // [I] A project the token may not see may also answer `not-found` (Space hides what you cannot read);
    // "no project" is then still what the user can act on. Anything else (403, network, 5xx) tells nothing,
    // and the item itself is named as missing.
    if (!isSpaceError(e) || (e.code !== 'not-found' && e.code !== 'invalid-request')) return null;
    exists = false;
  }
  await writeCache(deps.platform, conn, entry, exists, deps.now()).catch(() => undefined);
  return exists;
}
