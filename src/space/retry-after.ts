/**
 * `Retry-After` (RFC 9110 §10.2.3) in both of its forms: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, plus the two obsolete date formats recipients must accept).
 * Whether Space sends the header at all is unknown (space-api.md §5); we honour it when present.
 */

const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
/** RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
/** asctime: `Sun Nov  6 08:49:37 1994` */
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');

/** Lenient delta-seconds: a sign and a fraction are tolerated, a negative delay means "now". */
const DELTA_SECONDS = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Milliseconds to wait, clamped to `[0, capMs]`; null when the value is absent or unreadable.
 * Dates in the past give 0.
 */
export function parseRetryAfter(value: string | null | undefined, capMs: number, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '' || text.length > 64) return null;
  const cap = Number.isFinite(capMs) ? Math.max(0, capMs) : 0;

  if (DELTA_SECONDS.test(text)) return clamp(Number(text) * 1000, cap);

  const date = parseHttpDate(text);
  if (date === null || !Number.isFinite(now)) return null;
  return clamp(date - now, cap);
}

/** Epoch ms of an HTTP-date, or null. Exported for tests. */
export function parseHttpDate(text: string): number | null {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);

  m = RFC_850.exec(text);
  if (m) {
    // Two-digit years: RFC 9110 says to read a year more than 50 years ahead as the past century.
    const yy = Number(m[3]);
    const currentYear = new Date().getUTCFullYear();
    let year = Math.floor(currentYear / 100) * 100 + yy;
    if (year > currentYear + 50) year -= 100;
    return utc(year, m[2], Number(m[1]), m[4], m[5], m[6]);
  }

  m = ASCTIME.exec(text);
  if (m) return utc(Number(m[6]), m[1], Number(m[2]?.trim()), m[3], m[4], m[5]);

  return null;
}

function utc(
  year: number, monthName: string | undefined, day: number,
  hh: string | undefined, mm: string | undefined, ss: string | undefined,
): number | null {
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (month < 0 || hours > 23 || minutes > 59 || seconds > 60) return null;
  const date = new Date(Date.UTC(2000, month, day, hours, minutes, Math.min(seconds, 59)));
  date.setUTCFullYear(year, month, day); // Date.UTC would read years 0–99 as 1900–1999
  const ms = date.getTime();
  // Reject roll-overs such as 31 Feb, which Date.UTC would silently turn into March.
  if (!Number.isFinite(ms) || new Date(ms).getUTCDate() !== day) return null;
  return ms;
}

function clamp(ms: number, cap: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.min(cap, Math.max(0, ms));
}
