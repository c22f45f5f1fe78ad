/**
 * The wake-up of the opt-in toolbar count (issue 14 item 4; the schedule is waiting-schedule.ts): refresh the
 * "your turn" reviews of the Waiting for you list — one request per project in scope, nothing else — whose store
 * refreshes the badge. Checked again at each wake-up: a count turned off, a connection forgotten or refused since
 * the alarm was set asks Space nothing, and the alarm goes.
 */
import { refreshWaiting } from './home/waiting.ts';
import { waitingCountWanted } from './badge.ts';
import type { Deps } from './platform.ts';
import { WAITING_ALARM } from './waiting-schedule.ts';

export async function handleAlarm(deps: Deps, alarm: { name: string }): Promise<void> {
  if (alarm.name !== WAITING_ALARM) return;
  if (!(await refreshWaitingCount(deps))) await deps.platform.alarms.clear(WAITING_ALARM);
}

/**
 * The count's refresh, when it is on and the connection works (also right after the switch is turned on, so the
 * number is today's, not the last popup's). Resolves whether it asked.
 */
export async function refreshWaitingCount(deps: Deps): Promise<boolean> {
  if (!(await waitingCountWanted(deps.platform))) return false;
  await refreshWaiting(deps, { only: 'your-turn' });
  return true;
}
