/** TD_WorkingDays → WorkingHours (space-api.md §2b). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';
import type { WorkingHours } from '../types.ts';

export const WORKING_DAYS_BATCH_FIELDS = batchFields('dateStart,dateEnd,workingDaysSpec('
  + 'workingHours(day,checked,interval(since(hours,minutes),till(hours,minutes))),timezone(id))');

export interface WorkingSchedule {
  hours: WorkingHours;
  /** The zone the hours are written in, when the schedule names one. */
  timeZone: string | null;
}

/**
 * The schedule in force today: a person can have several dated schedules; an open end counts as
 * unbounded, and among overlapping ones the latest start wins.
 */
export function currentSchedule(entries: Reader[], today: string): WorkingSchedule | null {
  const active = entries
    .map((entry) => ({ entry, start: entry.optDate('dateStart'), end: entry.optDate('dateEnd') }))
    .filter(({ start, end }) => (start === null || start <= today) && (end === null || end >= today))
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  const chosen = active[0]?.entry;
  return chosen ? mapSchedule(chosen.obj('workingDaysSpec')) : null;
}

function mapSchedule(spec: Reader): WorkingSchedule {
  const days = spec.objects('workingHours')
    .filter((slot) => slot.optBool('checked', true))
    .map((slot) => {
      // [I] `day` counts from 0 = Sunday (third-party SDK code maps 0 to SUNDAY); 7 is read as Sunday too.
      const weekday = slot.int('day') % 7;
      const interval = slot.obj('interval');
      const from = minutesOf(interval.obj('since'));
      let to = minutesOf(interval.obj('till'));
      // A shift past midnight (22:00–06:00) or a full day (00:00–00:00) ends on the next day.
      if (to <= from) to += 24 * 60;
      return { weekday, from, to };
    })
    .sort((a, b) => a.weekday - b.weekday || a.from - b.from);
  return { hours: { days }, timeZone: spec.optObj('timezone')?.optStr('id') ?? null };
}

function minutesOf(time: Reader): number {
  const hours = time.int('hours');
  const minutes = time.optNum('minutes') ?? 0;
  return Math.min(24 * 60, hours * 60 + Math.max(0, Math.min(59, minutes)));
}
