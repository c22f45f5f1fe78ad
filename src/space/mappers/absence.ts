/** AbsenceRecord → "away today" (NET `AbsenceRecord`: `since`/`till` are dates, both inclusive [I]). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';

export const ABSENCE_BATCH_FIELDS = batchFields('archived,since,till,available,description,reason(name)');

export interface AbsenceToday {
  reason: string;
  /** Last day of the absence (`YYYY-MM-DD`), or null when open-ended. */
  until: string | null;
}

/**
 * The absence covering `today`, or null. Absences marked `available` (e.g. a business trip where the
 * person can still be reached) only count when there is no real one.
 */
export function absenceToday(records: Reader[], today: string): AbsenceToday | null {
  const covering = records
    .filter((r) => !r.optBool('archived', false))
    .map((r) => ({ r, since: r.optDate('since'), till: r.optDate('till') }))
    .filter(({ since, till }) => (since === null || since <= today) && (till === null || till >= today))
    .sort((a, b) => Number(a.r.optBool('available', false)) - Number(b.r.optBool('available', false)));
  const first = covering[0];
  if (!first) return null;
  const reason = first.r.optObj('reason')?.optStr('name') || first.r.optStr('description') || 'Away';
  return { reason, until: first.till };
}
