/**
 * The schedule of the opt-in toolbar count (issue 14 item 4): one `chrome.alarms` alarm while the count is on and
 * the connection works, none otherwise. Brought in line with storage by every badge refresh (badge.ts), which
 * already runs on each change that matters — the switch turned on or off, connect, Forget, a token refused, the
 * host access revoked, a browser start — so no transition needs a call of its own. The wake-up is
 * waiting-alarm.ts.
 *
 * Alarms outlive the worker, and Chrome may drop them on a browser restart (its docs: "alarms may be cleared upon
 * browser restart"): runtime.onStartup refreshes the badge, which sets it again.
 */
import type { Platform } from './platform.ts';

export const WAITING_ALARM = 'waiting-count';
/**
 * Minutes between refreshes: no faster than every 5 minutes (issue 14), one request per project in scope each.
 * Chrome's own floor is 30 s, Firefox's 1 minute.
 */
export const WAITING_PERIOD_MINUTES = 5;

/**
 * `wanted`: the count is on and the connection works. An alarm already set with this period is left as it is:
 * badge refreshes are frequent, and re-creating it would push its next wake-up back each time.
 */
export async function syncWaitingAlarm(platform: Platform, wanted: boolean): Promise<void> {
  const alarm = await platform.alarms.get(WAITING_ALARM);
  if (!wanted) {
    if (alarm) await platform.alarms.clear(WAITING_ALARM);
    return;
  }
  if (alarm?.periodInMinutes === WAITING_PERIOD_MINUTES) return;
  await platform.alarms.create(WAITING_ALARM, { periodInMinutes: WAITING_PERIOD_MINUTES });
}
