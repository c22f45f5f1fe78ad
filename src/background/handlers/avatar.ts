/**
 * Avatars are fetched here, with the token, and handed to the popup as a `data:` URL — never an `<img src>`
 * pointing at Space, which would need the token (or a cookie) and would tell Space when the popup opens.
 *
 * Only raster images are passed on, and the type is taken from the bytes themselves, not from the server's
 * Content-Type. SVG is refused on purpose: inside an `<img>` it could not run script, but it is a document
 * format, and a `data:image/svg+xml` URL that ever ends up in a link, an `<object>` or a new tab would be
 * live markup. Initials are a fine fallback.
 */
import type { AVATAR_TYPES } from '../../space/client.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import { workerErrors } from '../app-error.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import type { Handler } from '../router.ts';

/** Space attachment ids are short base62-like strings; anything else never reaches a URL path. */
const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,200}$/;
/** Avatars this small are cached in storage.session; larger ones are fetched each time. */
const MAX_CACHED_BYTES = 64 * 1024;
const AVATAR_FRESHNESS = { freshMs: 60 * 60_000, staleMs: 60 * 60_000 };

/** What the client asks Space for; each one must be recognised below (avatar.test.ts checks). */
export type RasterType = (typeof AVATAR_TYPES)[number];

export function sniffRasterType(bytes: Uint8Array): RasterType | null {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export function toDataUrl(type: RasterType, bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return `data:${type};base64,${btoa(binary)}`;
}

export const handleAvatar: Handler<'avatar'> = async (request, deps, context) => {
  if (!ATTACHMENT_ID.test(request.id)) throw workerErrors.badRequest('avatar-id');
  // A private window's avatars are neither cached nor served from the normal profile's cache.
  const conn = await openConnection(deps, { private: request.private === true || context.private });
  const key = cacheKey(conn.key, 'avatar', request.id);
  const hit = await readCache<string>(deps.platform, conn, key, deps.now(), AVATAR_FRESHNESS).catch(() => null);
  if (hit) return { dataUrl: hit.value };

  const image = await callSpace(deps.platform, conn, (api) => api.avatar(request.id));
  const type = sniffRasterType(image.bytes);
  if (!type) throw workerErrors.unsupportedImage();
  const dataUrl = toDataUrl(type, image.bytes);
  if (image.bytes.length <= MAX_CACHED_BYTES) {
    await writeCache(deps.platform, conn, key, dataUrl, deps.now()).catch(() => undefined);
  }
  return { dataUrl };
};
