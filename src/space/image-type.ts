/**
 * The picture formats an avatar may be, recognised from the bytes themselves: a server (or a proxy in
 * front of it) may label a picture `application/octet-stream`, or label anything at all `image/png`.
 * Only these raster formats pass; SVG, HTML and everything else is refused (a document, not a picture).
 */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const matches = (bytes: Uint8Array, at: number, signature: readonly number[]): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Magic numbers: PNG (RFC 2083), JPEG (SOI + a marker), GIF87a/GIF89a, WebP (`RIFF….WEBP`). */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (matches(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (matches(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (matches(bytes, 0, ascii('GIF87a')) || matches(bytes, 0, ascii('GIF89a'))) return 'image/gif';
  if (matches(bytes, 0, ascii('RIFF')) && matches(bytes, 8, ascii('WEBP'))) return 'image/webp';
  return null;
}
