/**
 * "Can I ping them now?" — a person's working hours projected onto the viewer's own day.
 *
 * Pure time arithmetic on Intl only. The bar is the viewer's local calendar day, from midnight to the
 * next midnight (23 or 25 real hours on DST days), scaled to 0–24. Positions are proportional to real
 * elapsed time, so they are monotonic even across a DST change; tick positions are computed the same
 * way, so "12:00" sits exactly where local noon is.
 */
import type { WorkingHours } from '../../space/types.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  weekday: number; // 0 = Sunday
}

export interface DaySegment {
  /** Hours on the 0–24 bar. */
  start: number;
  end: number;
  startMs: number;
  endMs: number;
}

export interface DayBar {
  segments: DaySegment[];
  /** Position of "now" on the bar. */
  now: number;
  /** Inside one of their working windows at `now`; null when they have no working hours at all. */
  workingNow: boolean | null;
  /** Their UTC offset minus the viewer's, in minutes, at `now`. */
  offsetMinutes: number;
  /** Bar positions of viewer-local 06:00, 12:00 and 18:00. */
  ticks: { hour: number; at: number }[];
  dayStartMs: number;
  dayEndMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows the zone (Space may send zones a given browser does not). */
export function isValidZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(zone: string, epochMs: number): ZonedParts {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  return {
    year, month, day,
    minutes: get('hour') * 60 + get('minute'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** UTC offset of `zone` at an instant, in whole minutes (east positive). */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const floored = Math.floor(epochMs / MINUTE) * MINUTE;
  const p = zonedParts(zone, floored);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, 0, p.minutes);
  return Math.round((asUtc - floored) / MINUTE);
}

/**
 * The instant a wall-clock time happens in `zone`. `minutes` may exceed a day (Date.UTC rolls over).
 * A time inside a spring-forward gap is moved forward by the gap's length (what a clock that jumped
 * would read, like Temporal's "compatible"); an ambiguous fall-back time resolves to its first occurrence.
 */
export function wallTimeToEpoch(zone: string, year: number, month: number, day: number, minutes: number): number {
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  const before = zoneOffsetMinutes(zone, asUtc - DAY_MINUTES * MINUTE);
  const after = zoneOffsetMinutes(zone, asUtc + DAY_MINUTES * MINUTE);
  const candidates = [...new Set([before, after])]
    .map((off) => asUtc - off * MINUTE)
    .filter((t) => asUtc - zoneOffsetMinutes(zone, t) * MINUTE === t)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap: read the wall time with the offset from before the jump, which lands after the gap.
  return asUtc - before * MINUTE;
}

function addDays(year: number, month: number, day: number, n: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Working windows as instants, for their local days around the viewer's day. */
function workingWindows(hours: WorkingHours, zone: string, fromMs: number, toMs: number): [number, number][] {
  const first = zonedParts(zone, fromMs);
  const last = zonedParts(zone, toMs);
  const [y0, m0, d0] = addDays(first.year, first.month, first.day, -1);
  const windows: [number, number][] = [];
  for (let i = 0; ; i++) {
    const [y, m, d] = addDays(y0, m0, d0, i);
    if (Date.UTC(y, m - 1, d) > Date.UTC(last.year, last.month - 1, last.day + 1)) break;
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    for (const w of hours.days) {
      if (w.weekday !== weekday || !validWindow(w.from, w.to)) continue;
      // A window ending at or before its start runs past midnight (a night shift).
      const end = w.to > w.from ? w.to : w.to + DAY_MINUTES;
      windows.push([wallTimeToEpoch(zone, y, m, d, w.from), wallTimeToEpoch(zone, y, m, d, end)]);
    }
  }
  return windows;
}

// A shift starts before midnight (a start of 24:00 is the next weekday's 0:00) and may end at 24:00.
function validWindow(from: number, to: number): boolean {
  return Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to >= 0 && from < DAY_MINUTES && to <= DAY_MINUTES && from !== to;
}

export interface DayBarInput {
  now: number;
  viewerZone: string;
  theirZone: string;
  hours: WorkingHours | null | undefined;
}

export function computeDayBar({ now, viewerZone, theirZone, hours }: DayBarInput): DayBar {
  const today = zonedParts(viewerZone, now);
  const [ny, nm, nd] = addDays(today.year, today.month, today.day, 1);
  const dayStartMs = wallTimeToEpoch(viewerZone, today.year, today.month, today.day, 0);
  let dayEndMs = wallTimeToEpoch(viewerZone, ny, nm, nd, 0);
  if (!(dayEndMs > dayStartMs)) dayEndMs = dayStartMs + DAY_MINUTES * MINUTE;
  const span = dayEndMs - dayStartMs;
  const toBar = (t: number) => Math.min(24, Math.max(0, ((t - dayStartMs) / span) * 24));

  const hasHours = hours?.days.some((w) => validWindow(w.from, w.to)) ?? false;
  const windows = hours && hasHours ? workingWindows(hours, theirZone, dayStartMs, dayEndMs) : [];
  const clipped = windows
    .map(([s, e]) => [Math.max(s, dayStartMs), Math.min(e, dayEndMs)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of clipped) {
    const prev = merged[merged.length - 1];
    if (prev && w[0] <= prev[1]) prev[1] = Math.max(prev[1], w[1]);
    else merged.push([w[0], w[1]]);
  }

  return {
    segments: merged.map(([s, e]) => ({ start: toBar(s), end: toBar(e), startMs: s, endMs: e })),
    now: toBar(now),
    workingNow: hasHours ? windows.some(([s, e]) => now >= s && now < e) : null,
    offsetMinutes: zoneOffsetMinutes(theirZone, now) - zoneOffsetMinutes(viewerZone, now),
    ticks: [6, 12, 18].map((hour) => ({
      hour,
      at: toBar(wallTimeToEpoch(viewerZone, today.year, today.month, today.day, hour * 60)),
    })),
    dayStartMs,
    dayEndMs,
  };
}

/** "+3", "−2", "+5:30", "0" — the time difference as shown next to "h". */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return '0';
  const sign = minutes > 0 ? '+' : '\u2212';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `${sign}${h}` : `${sign}${h}:${String(m).padStart(2, '0')}`;
}
