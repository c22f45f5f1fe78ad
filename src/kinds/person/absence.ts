/** AbsenceRecord → "away today" (NET `AbsenceRecord`: `since`/`till` are dates, both inclusive [I]). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import { HiddenFields } from '../../space/mappers/common.ts';

export const ABSENCE_BATCH_FIELDS = batchFields('archived,since,till,available,description,reason(name)');

export interface AbsenceToday {
  reason: string;
  /** Last day of the absence (`YYYY-MM-DD`), or null when open-ended. */
  until: string | null;
}

/**
 * The absence covering `today`, or null. Absences marked `available` (e.g. a business trip where the
 * person can still be reached) only count when there is no real one.
 *
 * A record whose dates or `archived` flag Space withheld can't be placed: left out, and `absence` is marked
 * in `hidden`; so is a withheld reason or `available` flag of the one shown.
 */
export function absenceToday(records: Reader[], today: string, hidden: HiddenFields = new HiddenFields()): AbsenceToday | null {
  const covering = records
    .filter((r) => !hidden.checkWithin(r, ['since', 'till', 'archived'], 'absence'))
    .filter((r) => !r.optBool('archived', false))
    .map((r) => ({ r, since: r.optDate('since'), till: r.optDate('till') }))
    .filter(({ since, till }) => (since === null || since <= today) && (till === null || till >= today))
    .sort((a, b) => Number(a.r.optBool('available', false)) - Number(b.r.optBool('available', false)));
  const first = covering[0];
  if (!first) return null;
  hidden.check(first.r, 'available', 'absence');
  const reasonRef = first.r.looseObj('reason');
  const named = reasonRef?.looseStr('name');
  if (!named) {
    hidden.check(first.r, ['reason', 'description'], 'absence');
    hidden.check(reasonRef, 'name', 'absence');
  }
  const reason = named || first.r.optStr('description') || 'Away';
  return { reason, until: first.till };
}
