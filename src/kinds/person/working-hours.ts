/** TD_WorkingDays → WorkingHours (space-api.md §2b). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { WorkingHours } from '../../space/types.ts';
import { HiddenFields } from '../../space/mappers/common.ts';

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
 *
 * What Space withheld (inline `$errors`) is left out and marked in `hidden` as `workingHours` (or
 * `timeZone` for the schedule's zone) instead of failing the card: a schedule whose dates are withheld can't
 * be placed in time, a slot without its day or times can't be drawn.
 */
export function currentSchedule(entries: Reader[], today: string, hidden: HiddenFields = new HiddenFields()): WorkingSchedule | null {
  const active = entries
    .filter((entry) => !hidden.checkWithin(entry, ['dateStart', 'dateEnd'], 'workingHours'))
    .map((entry) => ({ entry, start: entry.optDate('dateStart'), end: entry.optDate('dateEnd') }))
    .filter(({ start, end }) => (start === null || start <= today) && (end === null || end >= today))
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
  const chosen = active[0]?.entry;
  if (!chosen || hidden.check(chosen, 'workingDaysSpec', 'workingHours')) return null;
  return mapSchedule(chosen.obj('workingDaysSpec'), hidden);
}

function mapSchedule(spec: Reader, hidden: HiddenFields): WorkingSchedule {
  hidden.check(spec, 'workingHours', 'workingHours');
  const days = spec.objects('workingHours')
    .filter((slot) => !hidden.check(slot, ['day', 'checked', 'interval'], 'workingHours') && slot.optBool('checked', true))
    .flatMap((slot) => {
      // [I] `day` counts from 0 = Sunday (third-party SDK code maps 0 to SUNDAY); 7 is read as Sunday too.
      const weekday = slot.int('day') % 7;
      const interval = slot.obj('interval');
      if (hidden.check(interval, ['since', 'till'], 'workingHours')) return [];
      const from = minutesOf(interval.obj('since'), hidden);
      let to = minutesOf(interval.obj('till'), hidden);
      if (from === null || to === null) return [];
      // A shift past midnight (22:00–06:00) or a full day (00:00–00:00) ends on the next day.
      if (to <= from) to += 24 * 60;
      return [{ weekday, from, to }];
    })
    .sort((a, b) => a.weekday - b.weekday || a.from - b.from);
  hidden.check(spec, 'timezone', 'timeZone');
  const zone = spec.looseObj('timezone');
  hidden.check(zone, 'id', 'timeZone');
  return { hours: { days }, timeZone: zone?.looseStr('id') ?? null };
}

/** Minutes since midnight; null when Space withheld the hour (withheld minutes are not guessed either). */
function minutesOf(time: Reader, hidden: HiddenFields): number | null {
  if (hidden.check(time, ['hours', 'minutes'], 'workingHours')) return null;
  const hours = time.int('hours');
  // An integer (int32 in the spec): a fractional minute is not Space's answer, so it reads as unexpected, like a
  // fractional hour (found by `npm run fuzz`, seed 1229419670; the card then shows no working hours, not 22:00.5).
  const minutes = time.optNum('minutes') === null ? 0 : time.int('minutes');
  return Math.min(24 * 60, hours * 60 + Math.max(0, Math.min(59, minutes)));
}
