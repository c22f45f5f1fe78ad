import { isProjectKeyLike } from '../../space/keys.ts';
import { workerErrors } from '../app-error.ts';
import { clearAllCaches } from '../cache.ts';
import { writeSearchScope } from '../connection-store.ts';
import { readSettings } from '../settings-store.ts';
import type { Handler } from '../router.ts';

/**
 * Stores the issue/review search scope. Keys are checked against Space's project-key syntax and
 * upper-cased (the form Space uses in `key:` identifiers); duplicates are dropped, order kept. Cached issue
 * and review results were computed for the old scope, so the cache is cleared.
 *
 * The scope belongs to the stored connection: it is written in the credential queue, only while one is stored
 * (`writeSearchScope`), so a scope sent just before Forget cannot outlive it.
 */
export const handleSettingsSet: Handler<'settings-set'> = async (request, { platform }) => {
  const keys: string[] = [];
  for (const raw of request.settings.searchProjects) {
    if (!isProjectKeyLike(raw)) throw workerErrors.badRequest('project-key', raw.slice(0, 40));
    const key = raw.trim().toUpperCase();
    if (!keys.includes(key)) keys.push(key);
  }
  if (!(await writeSearchScope(platform, keys))) throw workerErrors.notConfigured();
  await clearAllCaches(platform);
  return readSettings(platform);
};
