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

/**
 * Gives back the host access of an origin no longer used (after Forget, a switch to another Space, or a
 * connect that failed after its grant) — unless `inUse`, the origin of the connection still stored, needs the
 * same pattern (patterns have no port: `http://127.0.0.1:8084` and `:9000` share `http://127.0.0.1/*`).
 * Best effort: a browser that refuses leaves the grant, and nothing else fails because of it.
 */
export async function releaseHostPermission(platform: Platform, origin: string, inUse: string | null): Promise<void> {
  try {
    const pattern = originPattern(origin);
    if (inUse !== null && originPattern(inUse) === pattern) return;
    await platform.permissions.remove({ origins: [pattern] });
  } catch {
    // Not granted, or not removable: nothing to give back.
  }
}

/**
 * Gives the optional `identity` permission back once nothing signs in with Space (Sign out, Forget, a personal
 * token replacing a sign-in): Options asks for it again in the click that picks sign-in. In the Chrome build it
 * is optional (manifest.json `optional_permissions`); the Firefox build declares it, and Firefox refuses to
 * remove a declared permission — best effort, so that refusal (or any other) changes nothing.
 */
export async function releaseIdentityPermission(platform: Platform): Promise<void> {
  try {
    await platform.permissions.remove({ permissions: ['identity'] });
  } catch {
    // Declared (Firefox) or not granted: nothing to give back.
  }
}
