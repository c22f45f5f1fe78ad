/**
 * Avatars are fetched here, with the token, and handed to the popup as a `data:` URL — never an `<img src>`
 * pointing at Space, which would need the token (or a cookie) and would tell Space when the popup opens.
 *
 * Only raster images are passed on, and the type is taken from the bytes themselves, not from the server's
 * Content-Type. SVG is refused on purpose: inside an `<img>` it could not run script, but it is a document
 * format, and a `data:image/svg+xml` URL that ever ends up in a link, an `<object>` or a new tab would be
 * live markup. Initials are a fine fallback.
 */
import { base64 } from '../../space/base64.ts';
import { imageTypeOf, type ImageType } from '../../space/image-type.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import { workerErrors } from '../app-error.ts';
import { cacheKey, readCache, writeCache } from '../cache.ts';
import type { Handler } from '../router.ts';

/** Space attachment ids are short base62-like strings; anything else never reaches a URL path. */
const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,200}$/;
/** Avatars this small are cached in storage.session; larger ones are fetched each time. */
const MAX_CACHED_BYTES = 64 * 1024;
const AVATAR_FRESHNESS = { freshMs: 60 * 60_000, staleMs: 60 * 60_000 };

export function toDataUrl(type: ImageType, bytes: Uint8Array): string {
  return `data:${type};base64,${base64(bytes)}`;
}

export const handleAvatar: Handler<'avatar'> = async (request, deps, context) => {
  if (!ATTACHMENT_ID.test(request.id)) throw workerErrors.badRequest('avatar-id');
  // A private window's avatars are neither cached nor served from the normal profile's cache.
  const conn = await openConnection(deps, { private: request.private === true || context.private });
  const key = cacheKey(conn.key, 'avatar', request.id);
  const hit = await readCache<string>(deps.platform, conn, key, deps.now(), AVATAR_FRESHNESS).catch(() => null);
  if (hit) return { dataUrl: hit.value };

  const image = await callSpace(deps.platform, conn, (api) => api.avatar(request.id));
  // Recognised again here, with the client's own check (`imageTypeOf`): only what this handler has seen to be a
  // raster picture becomes a data: URL, whatever the client's answer says.
  const type = imageTypeOf(image.bytes);
  if (!type) throw workerErrors.unsupportedImage();
  const dataUrl = toDataUrl(type, image.bytes);
  if (image.bytes.length <= MAX_CACHED_BYTES) {
    await writeCache(deps.platform, conn, key, dataUrl, deps.now()).catch(() => undefined);
  }
  return { dataUrl };
};
