/**
 * The user's settings, apart from the connection (connection-store.ts): the issue/review search scope and the
 * opt-in toolbar count.
 *
 * storage.local
 *   `settings`  Settings (issue/review search scope, showWaitingCount)
 *
 * Settings outlive a connection that needs signing in again (an OAuth refresh token refused, a personal token
 * rejected): only Forget clears them; connecting to another Space clears the scope (project keys belong to their
 * server) and keeps the count switch (a preference of the user, not of a server).
 */
import type { Settings } from '../shared/protocol.ts';
import type { Platform } from './platform.ts';

export const SETTINGS_KEY = 'settings';

export async function readSettings(platform: Platform): Promise<Settings> {
  const got = await platform.storage.local.get(SETTINGS_KEY);
  const value = got[SETTINGS_KEY] as Partial<Settings> | undefined;
  const list = Array.isArray(value?.searchProjects) ? value.searchProjects.filter((k) => typeof k === 'string') : [];
  return { searchProjects: list, showWaitingCount: value?.showWaitingCount === true };
}

export async function writeSettings(platform: Platform, settings: Settings): Promise<void> {
  await platform.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function removeSettings(platform: Platform): Promise<void> {
  await platform.storage.local.remove(SETTINGS_KEY);
}

/** Whether a search scope is stored: something of a connection that Forget still has to remove. */
export async function hasStoredScope(platform: Platform): Promise<boolean> {
  const got = await platform.storage.local.get(SETTINGS_KEY);
  const scope = (got[SETTINGS_KEY] as Partial<Settings> | undefined)?.searchProjects;
  return Array.isArray(scope) && scope.length > 0;
}
