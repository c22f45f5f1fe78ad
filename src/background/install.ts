import { refreshBadge } from './badge.ts';
import { createContextMenu } from './context-menu.ts';
import type { Platform } from './platform.ts';

// Storage access levels are not set here: index.ts sets them at the top level on every worker start, which
// runs before these events are delivered.

/**
 * runtime.onInstalled (install, update, browser update): menus are (re)created here — they persist across
 * worker restarts, so creating them at every start would fail with "duplicate id". A fresh install opens
 * the options page, where onboarding starts.
 */
export async function onInstalled(platform: Platform, details: { reason?: string }): Promise<void> {
  await Promise.allSettled([createContextMenu(platform), refreshBadge(platform)]);
  if (details.reason === 'install') await platform.runtime.openOptionsPage();
}

/** runtime.onStartup: a new browser session (session-only tokens are gone now; the badge should say so). */
export async function onStartup(platform: Platform): Promise<void> {
  await refreshBadge(platform);
}
