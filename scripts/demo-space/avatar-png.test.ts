import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, identiconPng } from './avatar-png.ts';

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function readChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    chunks.push({ type, data, crcOk: crc === crc32(png.subarray(offset + 4, offset + 8 + length)) });
    offset += 12 + length;
  }
  return chunks;
}

describe('identiconPng', () => {
  it('is a well-formed PNG of the requested size', () => {
    const png = identiconPng('alex.demo', 32);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = readChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const header = chunks[0]?.data as Buffer;
    expect(header.readUInt32BE(0)).toBe(32);
    expect(header.readUInt32BE(4)).toBe(32);
    expect(header[8]).toBe(8);
    expect(header[9]).toBe(2);
    const raw = inflateSync(chunks[1]?.data as Buffer);
    expect(raw.length).toBe(32 * (1 + 32 * 3));
  });

  it('is deterministic per seed and differs between people', () => {
    expect(identiconPng('taro.yamada', 64).equals(identiconPng('taro.yamada', 64))).toBe(true);
    expect(identiconPng('taro.yamada', 64).equals(identiconPng('zoe.lambert', 64))).toBe(false);
  });

  it('is horizontally symmetric', () => {
    const size = 40;
    const raw = inflateSync(readChunks(identiconPng('joanna.smith', size))[1]?.data as Buffer);
    const pixel = (x: number, y: number): string => raw.subarray(y * (1 + size * 3) + 1 + x * 3, y * (1 + size * 3) + 4 + x * 3).toString('hex');
    for (let y = 0; y < size; y += 3) for (let x = 0; x < size; x += 3) expect(pixel(x, y)).toBe(pixel(size - 1 - x, y));
  });
});

describe('encodePng', () => {
  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow(/size/);
  });
});
