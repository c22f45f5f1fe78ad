/** Who may read the extension's storage. */
import type { Platform } from './platform.ts';

/**
 * Only trusted contexts (our pages and the worker) may read storage. Chrome 102+ supports this for session
 * (already the default there) and Chrome 140+ for local; Firefox has no setAccessLevel. It is defence in
 * depth — we ship no content scripts — so a missing or failing method is ignored.
 */
export async function restrictStorageAccess(platform: Platform): Promise<void> {
  for (const area of [platform.storage.local, platform.storage.session]) {
    if (typeof area.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch {
      // Older Chrome rejects for `local`; nothing to do.
    }
  }
}
