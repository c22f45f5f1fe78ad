import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, hueFor, initials, singleLine, truncate } from './text.ts';

const BIDI_AND_INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;

describe('displayText', () => {
  it('removes bidi overrides, isolates, marks and zero-width characters', () => {
    expect(displayText('a\u202Egnp.exe\u202C b')).toBe('agnp.exe b');
    expect(displayText('\u2066x\u2069\u200By\u200Dz\uFEFF')).toBe('xyz');
    expect(displayText('\u200E\u200F\u061C')).toBe('');
  });

  it('turns control characters and line breaks into single spaces', () => {
    expect(displayText('one\n\ttwo\r\n  three\u0007')).toBe('one two three');
  });

  it('caps length with an ellipsis, never splitting a surrogate pair', () => {
    const emoji = '😀'.repeat(400);
    const shown = displayText(emoji, 10);
    expect(Array.from(shown)).toHaveLength(10);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('returns "" for non-strings (Space data is validated, but render code must not throw)', () => {
    expect(displayText(undefined)).toBe('');
    expect(displayText(null)).toBe('');
    expect(displayText(42)).toBe('');
  });

  it('for any string: bounded, single line, no invisible characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 800 }), fc.integer({ min: 1, max: 400 }), (s, max) => {
      const out = displayText(s, max);
      expect(Array.from(out).length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(BIDI_AND_INVISIBLE);
      expect(out).not.toMatch(/[\n\r\t]/);
      expect(out).toBe(out.trim());
    }));
  });

  it('leaves ordinary text alone', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,@-]{0,80}[A-Za-z0-9]$/), (s) => {
      fc.pre(!/ {2}/.test(s));
      expect(displayText(s)).toBe(s);
    }));
  });
});

describe('truncate / singleLine', () => {
  it('keeps text at or under the limit unchanged', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
  });

  it('singleLine cuts input without an ellipsis', () => {
    expect(singleLine('  a\u202E\nb  ', 10)).toBe('a b');
    expect(singleLine('x'.repeat(50), 20)).toBe('x'.repeat(20));
  });

  it('singleLine caps in UTF-16 units like the worker schema, never splitting a surrogate pair', () => {
    const cut = singleLine('😀'.repeat(150), 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toBe('😀'.repeat(100));
    expect(singleLine(`a${'😀'.repeat(150)}`, 200)).toBe(`a${'😀'.repeat(99)}`);
  });
});

describe('initials and colour', () => {
  it('takes first and last word initials', () => {
    expect(initials('Jonathan Q. Smith')).toBe('JS');
    expect(initials('ada')).toBe('A');
    expect(initials('  ')).toBe('?');
    expect(initials('Émile Zola')).toBe('ÉZ');
  });

  it('gives the same hue for the same id, in range', () => {
    fc.assert(fc.property(fc.string(), (id) => {
      const h = hueFor(id);
      expect(h).toBe(hueFor(id));
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(360);
    }));
  });
});
