import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after.ts';

const NOW = Date.UTC(2015, 9, 21, 7, 28, 0); // Wed, 21 Oct 2015 07:28:00 GMT
const CAP = 60_000;

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    ['  7 ', 7000],
    ['59', 59_000],
    ['60', 60_000],
    ['61', CAP],
    ['999999999999999999999', CAP],
    ['1.5', 1500],
    ['+2', 2000],
    ['-5', 0],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30_000],
    ['wed, 21 oct 2015 07:28:30 gmt', 30_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['Thu, 22 Oct 2015 07:28:00 GMT', CAP],
    ['Wednesday, 21-Oct-15 07:28:10 GMT', 10_000],
    ['Wed Oct 21 07:28:20 2015', 20_000],
    ['Wed Oct  1 07:28:20 2015', 0],
  ])('%j → %d ms', (value, ms) => {
    expect(parseRetryAfter(value, CAP, NOW)).toBe(ms);
  });

  it.each([null, undefined, '', '   ', 'soon', '1s', '1,5', '0x10', 'Infinity', 'NaN', '1e3',
    '2015-10-21T07:28:30Z', 'Wed, 31 Feb 2015 07:28:30 GMT', 'Wed, 21 Oct 2015 25:28:30 GMT',
    'Wed, 21 Foo 2015 07:28:30 GMT', 'Wed, 21 Oct 2015 07:28:30 PST', '1'.repeat(65)])(
    '%j → null', (value) => {
      expect(parseRetryAfter(value, CAP, NOW)).toBeNull();
    });

  it('reads an HTTP-date in the past as "now"', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', CAP, NOW)).toBe(0);
  });

  it('parses the three HTTP-date formats to the same instant', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
  });

  it('any value gives null or a finite delay within [0, cap]', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.double().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.constantFrom('Wed, 21 Oct 2015 07:28:00 GMT', '-0', '00000', '9'.repeat(64)),
    );
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 10 * 60_000 }), fc.date({ noInvalidDate: true }), (v, cap, now) => {
      const ms = parseRetryAfter(v, cap, now.getTime());
      if (ms === null) return;
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(cap);
    }), { numRuns: 3000 });
  });

  it('an HTTP-date round-trips to its delay', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3600 }), (seconds) => {
      const header = new Date(NOW + seconds * 1000).toUTCString();
      expect(parseRetryAfter(header, 3_600_000, NOW)).toBe(seconds * 1000);
    }));
  });
});
