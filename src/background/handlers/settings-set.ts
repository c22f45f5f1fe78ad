import { isProjectKeyLike } from '../../space/keys.ts';
import type { SettingsUpdate } from '../../shared/protocol.ts';
import { workerErrors } from '../app-error.ts';
import { refreshBadge } from '../badge.ts';
import { clearAllCaches } from '../cache.ts';
import { updateSettings } from '../connection-store.ts';
import { readSettings } from '../settings-store.ts';
import type { Handler } from '../router.ts';
import { refreshWaitingCount } from '../waiting-alarm.ts';

/**
 * Stores what the update names, keeps the rest. The issue/review search scope: keys are checked against Space's
 * project-key syntax and upper-cased (the form Space uses in `key:` identifiers); duplicates are dropped, order
 * kept; cached issue and review results were computed for the old scope, so the cache is cleared. The toolbar
 * count: the badge and its alarm follow at once (refreshBadge: on → the alarm is set and the stored count shown;
 * off → the alarm is cleared, the count goes).
 *
 * Settings belong to the stored connection: they are written in the credential queue, only while one is stored
 * (`updateSettings`), so a setting sent just before Forget cannot outlive it.
 */
export const handleSettingsSet: Handler<'settings-set'> = async (request, deps) => {
  const { platform } = deps;
  const update: SettingsUpdate = {};
  if (request.settings.searchProjects !== undefined) {
    const keys: string[] = [];
    for (const raw of request.settings.searchProjects) {
      if (!isProjectKeyLike(raw)) throw workerErrors.badRequest('project-key', raw.slice(0, 40));
      const key = raw.trim().toUpperCase();
      if (!keys.includes(key)) keys.push(key);
    }
    update.searchProjects = keys;
  }
  if (request.settings.showWaitingCount !== undefined) update.showWaitingCount = request.settings.showWaitingCount;
  if (!(await updateSettings(platform, update))) throw workerErrors.notConfigured();
  if (update.searchProjects) await clearAllCaches(platform);
  if (update.showWaitingCount !== undefined) await refreshBadge(platform);
  // Turned on: today's number now (one request per project), not the one the popup stored hours ago.
  if (update.showWaitingCount === true) await refreshWaitingCount(deps);
  return readSettings(platform);
};
