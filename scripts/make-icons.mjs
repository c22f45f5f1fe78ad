#!/usr/bin/env node
/**
 * Draws the toolbar/store icons (a rounded square with a magnifier) into public/icons/icon-{16,32,48,128}.png.
 * Pure Node (zlib only): each pixel is the coverage of signed-distance shapes, 4×4 supersampled, so the
 * small sizes stay crisp. Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BACKGROUND = [0x5b, 0x3c, 0xc4]; // violet, close to Space's own palette
const GLYPH = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Distance from (x,y) to a rounded square of half-size h and corner radius r, centred at 0.5. */
function roundedSquare(x, y, h, r) {
  const qx = Math.abs(x - 0.5) - h + r;
  const qy = Math.abs(y - 0.5) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** The magnifier: a ring and a handle with round caps. Negative inside. */
function glyph(x, y, size) {
  // Thicker strokes at 16 px so the ring does not dissolve into the background.
  const stroke = size <= 16 ? 0.11 : 0.085;
  const ring = Math.abs(Math.hypot(x - 0.44, y - 0.44) - 0.19) - stroke / 2;
  const handle = segment(x, y, 0.585, 0.585, 0.73, 0.73) - stroke * 0.65;
  return Math.min(ring, handle);
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (roundedSquare(x, y, 0.47, 0.2) <= 0) {
            bg++;
            if (glyph(x, y, size) <= 0) fg++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = bg / n;
      const mix = bg === 0 ? 0 : fg / bg;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BACKGROUND[c] * (1 - mix) + GLYPH[c] * mix);
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  const png = encodePng(size, render(size));
  writeFileSync(file, png);
  console.log(`${file} ${png.length} bytes`);
}
