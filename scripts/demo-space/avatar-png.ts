/**
 * Deterministic avatar pictures for `/d/{attachmentId}`: a symmetric 5×5 identicon per person, encoded as a
 * real PNG (RGB, 8 bit) with zlib deflate, so clients see the same kind of bytes Space serves.
 */
import { crc32, deflateSync } from 'node:zlib';
import { hashString } from './prng.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGB pixels (`width*height*3` bytes, row-major) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new Error('pixel buffer size does not match the dimensions');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods stay 0
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0; // filter: none
    Buffer.from(rgb.subarray(y * width * 3, (y + 1) * width * 3)).copy(raw, y * (1 + width * 3) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A `sizePx`×`sizePx` identicon for `seed`; the same seed always gives the same bytes. */
export function identiconPng(seed: string, sizePx: number): Buffer {
  const hash = hashString(seed);
  const foreground = hslToRgb(hash % 360, 0.55, 0.45);
  const background: [number, number, number] = [240, 242, 245];
  const cells = 5;
  const on: boolean[] = [];
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      const mirrored = col < 3 ? col : cells - 1 - col;
      on.push(((hashString(`${seed}#${row}:${mirrored}`) >>> 3) & 1) === 1);
    }
  }
  const margin = Math.floor(sizePx / 10);
  const cellSize = Math.max(1, Math.floor((sizePx - 2 * margin) / cells));
  const offset = Math.floor((sizePx - cellSize * cells) / 2);
  const rgb = new Uint8Array(sizePx * sizePx * 3);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      const col = Math.floor((x - offset) / cellSize);
      const row = Math.floor((y - offset) / cellSize);
      const inside = x >= offset && y >= offset && col < cells && row < cells;
      const colour = inside && on[row * cells + col] ? foreground : background;
      rgb.set(colour, (y * sizePx + x) * 3);
    }
  }
  return encodePng(sizePx, sizePx, rgb);
}
