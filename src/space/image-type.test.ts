import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './image-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageTypeOf', () => {
  it.each([
    [bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [bytes([0xff, 0xd8, 0xff, 0xdb]), 'image/jpeg'],
    [bytes('GIF87a', [1, 0]), 'image/gif'],
    [bytes('GIF89a', [1, 0]), 'image/gif'],
    [bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('%# → %s', (data, type) => {
    expect(imageTypeOf(data)).toBe(type);
  });

  it.each([
    ['empty', bytes()],
    ['a cut PNG signature', bytes([0x89], 'PNG')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['SVG with an XML prolog', bytes('<?xml version="1.0"?><svg/>')],
    ['HTML', bytes('<!doctype html><html>')],
    ['GIF88a', bytes('GIF88a')],
    ['a RIFF that is not WebP', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['JSON', bytes('{"error":"not-found"}')],
  ])('%s → null', (_name, data) => {
    expect(imageTypeOf(data)).toBeNull();
  });

  it('anything not starting with a known signature is refused', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
      const type = imageTypeOf(data);
      if (type === null) return;
      const head = [...data.slice(0, 4)];
      const known = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x52, 0x49, 0x46, 0x46]];
      expect(known.some((sig) => sig.every((b, i) => head[i] === b))).toBe(true);
    }));
  });
});
