import { originPattern } from '../space/base-url.ts';
import type { Platform } from './platform.ts';

/**
 * Whether the user has granted our access to exactly this Space origin. Checked before every use, not
 * remembered: Firefox users can revoke host permissions at any time. A failing check counts as "no".
 */
export async function hasHostPermission(platform: Platform, origin: string): Promise<boolean> {
  try {
    return await platform.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
