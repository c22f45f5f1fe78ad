import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeComponent, wellFormed } from './uri-component.ts';

describe('encodeComponent', () => {
  it('is encodeURIComponent for well-formed text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(encodeComponent(s)).toBe(encodeURIComponent(s));
    }));
  });

  it('encodes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(encodeComponent('a\ud800b')).toBe('a%EF%BF%BDb');
    expect(encodeComponent('\udc00')).toBe('%EF%BF%BD');
    expect(encodeComponent('😀\ud83d')).toBe(`${encodeURIComponent('😀')}%EF%BF%BD`);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(() => encodeComponent(s)).not.toThrow();
      expect(wellFormed(s)).toHaveLength(s.length);
    }));
  });
});
