import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../space/types.ts';
import { computeDayBar, formatOffset, isValidZone, wallTimeToEpoch, zonedParts, zoneOffsetMinutes } from './day-bar.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Zones with DST in either hemisphere, half-hour and 45-minute offsets, a 30-minute DST, and the date-line extremes. */
const ZONES = [
  'UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo',
  'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Australia/Sydney', 'Australia/Lord_Howe',
  'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago', 'Asia/Tehran', 'Africa/Casablanca',
];

const weekdays = (from: number, to: number, days = [1, 2, 3, 4, 5]): WorkingHours => ({
  days: days.map((weekday) => ({ weekday, from, to })),
});

/** Independent oracle: is `t` inside their working hours, reading their wall clock at `t`? */
function workingAt(hours: WorkingHours, zone: string, t: number): boolean {
  const p = zonedParts(zone, t);
  return hours.days.some((w) => {
    if (w.from === w.to) return false;
    if (w.to > w.from) return w.weekday === p.weekday && p.minutes >= w.from && p.minutes < w.to;
    // Overnight: the evening part today, the morning part tomorrow.
    return (w.weekday === p.weekday && p.minutes >= w.from) || ((w.weekday + 1) % 7 === p.weekday && p.minutes < w.to);
  });
}

/** True when neither zone changes offset within 3 h of `t` (wall-clock working hours are ambiguous there). */
function calmAround(zones: string[], t: number): boolean {
  return zones.every((z) => zoneOffsetMinutes(z, t - 3 * HOUR) === zoneOffsetMinutes(z, t + 3 * HOUR));
}

const arbZone = fc.constantFrom(...ZONES);
const arbNow = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const arbMinute = fc.integer({ min: 0, max: 24 * 60 });
const arbStartMinute = fc.integer({ min: 0, max: 24 * 60 - 1 });
const arbHours: fc.Arbitrary<WorkingHours> = fc.record({
  days: fc.array(fc.record({ weekday: fc.integer({ min: 0, max: 6 }), from: arbStartMinute, to: arbMinute }), { maxLength: 9 }),
});

describe('computeDayBar (properties)', () => {
  it('segments lie within 0–24 h, are ordered, disjoint and non-empty; "now" is on the bar', () => {
    fc.assert(fc.property(arbNow, arbZone, arbZone, arbHours, (now, viewerZone, theirZone, hours) => {
      const bar = computeDayBar({ now, viewerZone, theirZone, hours });
      let last = -Infinity;
      for (const s of bar.segments) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(24);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.start).toBeGreaterThan(last);
        expect(s.startMs).toBeGreaterThanOrEqual(bar.dayStartMs);
        expect(s.endMs).toBeLessThanOrEqual(bar.dayEndMs);
        last = s.end;
      }
      expect(bar.now).toBeGreaterThanOrEqual(0);
      expect(bar.now).toBeLessThanOrEqual(24);
      expect(now).toBeGreaterThanOrEqual(bar.dayStartMs);
      expect(now).toBeLessThan(bar.dayEndMs);
      // The viewer's day is 23, 24 or 25 hours (Lord Howe: 23.5 / 24.5).
      expect(bar.dayEndMs - bar.dayStartMs).toBeGreaterThanOrEqual(23 * HOUR);
      expect(bar.dayEndMs - bar.dayStartMs).toBeLessThanOrEqual(25 * HOUR);
    }), { numRuns: 300 });
  });

  it('highlights exactly the moments they are working (away from DST changes)', () => {
    fc.assert(fc.property(arbNow, arbZone, arbZone, arbHours, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
      (now, viewerZone, theirZone, hours, samples) => {
        const bar = computeDayBar({ now, viewerZone, theirZone, hours });
        const span = bar.dayEndMs - bar.dayStartMs;
        for (const f of samples) {
          // f just below 1 can round to the day's end itself (doubles at ~2e12 ms), which is the next day.
          const t = Math.min(bar.dayEndMs - 1, Math.floor(bar.dayStartMs + f * span));
          const nearEdge = bar.segments.some((s) => Math.abs(t - s.startMs) < 2 * MIN || Math.abs(t - s.endMs) < 2 * MIN);
          if (nearEdge || !calmAround([viewerZone, theirZone], t)) continue;
          const highlighted = bar.segments.some((s) => t >= s.startMs && t < s.endMs);
          expect(highlighted).toBe(workingAt(hours, theirZone, t));
        }
        if (calmAround([theirZone], now) && !bar.segments.some((s) => Math.abs(now - s.startMs) < 2 * MIN || Math.abs(now - s.endMs) < 2 * MIN)) {
          expect(bar.workingNow).toBe(hours.days.some((w) => w.from !== w.to) ? workingAt(hours, theirZone, now) : null);
        }
      }), { numRuns: 300 });
  });

  it('offset is their UTC offset minus the viewer\'s', () => {
    fc.assert(fc.property(arbNow, arbZone, arbZone, (now, viewerZone, theirZone) => {
      const bar = computeDayBar({ now, viewerZone, theirZone, hours: null });
      expect(bar.offsetMinutes).toBe(zoneOffsetMinutes(theirZone, now) - zoneOffsetMinutes(viewerZone, now));
      expect(bar.workingNow).toBeNull();
      expect(bar.segments).toEqual([]);
    }), { numRuns: 100 });
  });

  it('wallTimeToEpoch round-trips every wall time that exists', () => {
    fc.assert(fc.property(arbNow, arbZone, (t, zone) => {
      const p = zonedParts(zone, t);
      const back = wallTimeToEpoch(zone, p.year, p.month, p.day, p.minutes);
      const again = zonedParts(zone, back);
      expect([again.year, again.month, again.day, again.minutes]).toEqual([p.year, p.month, p.day, p.minutes]);
      // The first occurrence of an ambiguous time can be up to an hour earlier, never later.
      expect(Math.floor(t / MIN) * MIN - back).toBeGreaterThanOrEqual(0);
      expect(Math.floor(t / MIN) * MIN - back).toBeLessThanOrEqual(HOUR);
    }), { numRuns: 300 });
  });
});

describe('computeDayBar (known days)', () => {
  const hhmm = (t: number, zone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);

  it('a New York 9–17 day seen from Berlin is 15:00–23:00', () => {
    const now = Date.UTC(2024, 5, 12, 10, 0); // Wednesday
    const bar = computeDayBar({ now, viewerZone: 'Europe/Berlin', theirZone: 'America/New_York', hours: weekdays(9 * 60, 17 * 60) });
    expect(bar.segments.map((s) => `${hhmm(s.startMs, 'Europe/Berlin')}–${hhmm(s.endMs, 'Europe/Berlin')}`)).toEqual(['15:00–23:00']);
    expect(bar.segments[0]!.start).toBeCloseTo(15, 6);
    expect(bar.segments[0]!.end).toBeCloseTo(23, 6);
    expect(bar.offsetMinutes).toBe(-360);
    expect(bar.workingNow).toBe(false); // 06:00 in New York
  });

  it('handles the viewer\'s 23-hour spring-forward day: the window keeps its real length and ticks move with it', () => {
    const now = Date.UTC(2024, 2, 31, 10, 0); // Sunday 31 March 2024, Berlin springs forward at 02:00
    const hours = weekdays(9 * 60, 17 * 60, [0]);
    const bar = computeDayBar({ now, viewerZone: 'Europe/Berlin', theirZone: 'America/New_York', hours });
    expect(bar.dayEndMs - bar.dayStartMs).toBe(23 * HOUR);
    const [s] = bar.segments;
    expect(`${hhmm(s!.startMs, 'Europe/Berlin')}–${hhmm(s!.endMs, 'Europe/Berlin')}`).toBe('15:00–23:00');
    expect(s!.endMs - s!.startMs).toBe(8 * HOUR);
    // 12:00 local is 11 real hours into a 23-hour day.
    expect(bar.ticks.find((x) => x.hour === 12)!.at).toBeCloseTo((11 / 23) * 24, 6);
  });

  it('handles the 25-hour fall-back day', () => {
    const now = Date.UTC(2024, 10, 3, 18, 0); // Sunday 3 November 2024 in New York
    const bar = computeDayBar({ now, viewerZone: 'America/New_York', theirZone: 'America/New_York', hours: weekdays(0, 24 * 60, [0]) });
    expect(bar.dayEndMs - bar.dayStartMs).toBe(25 * HOUR);
    expect(bar.segments).toHaveLength(1);
    expect(bar.segments[0]!.start).toBe(0);
    expect(bar.segments[0]!.end).toBe(24);
    expect(bar.workingNow).toBe(true);
  });

  it('splits a window that crosses the viewer\'s midnight into the two ends of the bar', () => {
    // Tokyo 9–18 seen from Los Angeles (UTC−7 in June): 17:00–02:00, i.e. evening of one day, night of the next.
    const now = Date.UTC(2024, 5, 12, 19, 0); // Wed 12:00 in LA, Thu 04:00 in Tokyo
    const bar = computeDayBar({ now, viewerZone: 'America/Los_Angeles', theirZone: 'Asia/Tokyo', hours: weekdays(9 * 60, 18 * 60) });
    expect(bar.segments.map((s) => `${hhmm(s.startMs, 'America/Los_Angeles')}–${hhmm(s.endMs, 'America/Los_Angeles')}`))
      .toEqual(['00:00–02:00', '17:00–00:00']);
    expect(bar.segments[0]!.start).toBe(0);
    expect(bar.segments[1]!.end).toBe(24);
  });

  it('draws an overnight shift (to ≤ from) across their midnight', () => {
    const now = Date.UTC(2024, 5, 12, 12, 0);
    const bar = computeDayBar({ now, viewerZone: 'UTC', theirZone: 'UTC', hours: { days: [{ weekday: 2, from: 22 * 60, to: 6 * 60 }] } });
    // Tuesday 22:00 → Wednesday 06:00: on Wednesday the morning part shows.
    expect(bar.segments.map((s) => [s.start, s.end])).toEqual([[0, 6]]);
  });

  it('shows no window on their weekend, but still knows they are not working', () => {
    const now = Date.UTC(2024, 5, 15, 12, 0); // Saturday
    const bar = computeDayBar({ now, viewerZone: 'UTC', theirZone: 'UTC', hours: weekdays(9 * 60, 17 * 60) });
    expect(bar.segments).toEqual([]);
    expect(bar.workingNow).toBe(false);
  });

  it('ignores malformed windows from the server', () => {
    const now = Date.UTC(2024, 5, 12, 12, 0);
    const hours = { days: [{ weekday: 3, from: -5, to: 99999 }, { weekday: 3, from: Number.NaN, to: 600 }] };
    const bar = computeDayBar({ now, viewerZone: 'UTC', theirZone: 'UTC', hours });
    expect(bar.segments).toEqual([]);
    expect(bar.workingNow).toBeNull();
  });
});

describe('helpers', () => {
  it('formats offsets with sign and minutes', () => {
    expect(formatOffset(180)).toBe('+3');
    expect(formatOffset(-120)).toBe('\u22122');
    expect(formatOffset(330)).toBe('+5:30');
    expect(formatOffset(-570)).toBe('\u22129:30');
    expect(formatOffset(45)).toBe('+0:45');
    expect(formatOffset(0)).toBe('0');
  });

  it('knows which zones the browser supports', () => {
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidZone(null)).toBe(false);
    expect(isValidZone('')).toBe(false);
  });

  it('reads half-hour and 45-minute offsets', () => {
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2024, 0, 1))).toBe(330);
    expect(zoneOffsetMinutes('Asia/Kathmandu', Date.UTC(2024, 0, 1))).toBe(345);
    expect(zoneOffsetMinutes('America/St_Johns', Date.UTC(2024, 0, 1))).toBe(-210);
  });
});
