import { describe, expect, it } from 'vitest';
import { AVATAR_TYPES } from '../../space/client.ts';
import { imageTypeOf } from '../../space/image-type.ts';
import { toDataUrl } from './avatar.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('the type of an avatar, from its bytes (imageTypeOf)', () => {
  it.each([
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['gif89a', bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61), 'image/gif'],
    ['gif87a', bytes(0x47, 0x49, 0x46, 0x38, 0x37, 0x61), 'image/gif'],
    ['webp', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50), 'image/webp'],
    ['svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), null],
    ['html', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'), null],
    ['RIFF but not webp (wav)', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45), null],
    ['empty', bytes(), null],
    ['truncated png', bytes(0x89, 0x50), null],
    ['avif (not passed on, so not asked for)', bytes(0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66), null],
  ])('%s', (_name, data, expected) => {
    expect(imageTypeOf(data)).toBe(expected);
  });

  it('recognises every type the client asks Space for, and the popup accepts each as a data: URL', async () => {
    const samples: Record<string, Uint8Array> = {
      'image/png': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
      'image/jpeg': bytes(0xff, 0xd8, 0xff, 0xe0),
      'image/gif': bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61),
      'image/webp': bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50),
    };
    const { DATA_IMAGE } = await import('../../shared/ui/Avatar.tsx');
    for (const type of AVATAR_TYPES) {
      const sample = samples[type];
      expect(sample, type).toBeDefined();
      expect(imageTypeOf(sample ?? bytes())).toBe(type);
      expect(DATA_IMAGE.test(toDataUrl(type, sample ?? bytes()))).toBe(true);
    }
  });
});

describe('toDataUrl', () => {
  it('round-trips large images', () => {
    const data = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    const url = toDataUrl('image/png', data);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(url.slice(22), 'base64').equals(Buffer.from(data))).toBe(true);
  });
});
