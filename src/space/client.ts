/**
 * `createSpaceClient`: what every kind shares — the token owner (`me`), the one generic `get` that serves the
 * requests each kind describes in its folder (`src/kinds/<kind>/space.ts`), avatars, and revoking the token.
 */
import type { SpaceApi, SpaceClientOptions } from './api.ts';
import { paths } from './api-paths.ts';
import { normalizeBaseUrl } from './base-url.ts';
import { one } from './endpoint.ts';
import { SpaceError, isSpaceError } from './errors.ts';
import { SpaceHttp } from './http.ts';
import { PERSON_FIELDS, mapPerson } from './mappers/person.ts';

export const DEFAULTS = {
  timeoutMs: 10_000,
  retry: { retries: 2, baseDelayMs: 300, maxDelayMs: 3_000, totalBudgetMs: 8_000 },
  maxBodyBytes: 2 * 1024 * 1024,
  avatarMaxBytes: 512 * 1024,
  /** Same-origin redirects an avatar may take; a real one needs one, a few allow a sized copy behind a signed path. */
  avatarRedirects: 3,
} as const;

/**
 * Raster formats only. SVG is left out on purpose: it is a document format, and a picture is all we need.
 * Exactly the formats `imageTypeOf` recognises from the bytes (the client, and the worker's avatar handler): asking
 * for more would download pictures that are then thrown away.
 */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export function createSpaceClient(opts: SpaceClientOptions): SpaceApi {
  const normalized = normalizeBaseUrl(opts.origin);
  if (!normalized.ok || normalized.origin !== opts.origin) {
    throw new SpaceError('invalid-url', { reason: normalized.ok ? 'not-canonical' : normalized.reason });
  }
  const origin = normalized.origin;
  const http = new SpaceHttp({
    origin,
    token: opts.token,
    fetch: opts.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: { ...DEFAULTS.retry, ...opts.retry },
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    ...(opts.onResponse ? { onResponse: opts.onResponse } : {}),
  });

  const api: SpaceApi = {
    origin,

    get: async ({ map, ...request }, call) => http.getJson({ ...request, signal: call?.signal }, (json) => map(json, origin)),

    me: async (call) => api.get({ op: 'me', path: paths.me, fields: PERSON_FIELDS, map: one(mapPerson) }, call),

    async avatar(attachmentId, call) {
      try {
        return await http.getBytes({
          absolutePath: paths.attachment(attachmentId), maxBytes: DEFAULTS.avatarMaxBytes,
          accept: AVATAR_TYPES.join(', '), contentTypes: AVATAR_TYPES,
          // `/d/{id}` may redirect within Space (to a sized copy, a storage path…) [U]: followed there, a few
          // hops and never to another origin (http.ts getBytes), so a real picture is not replaced by initials.
          redirects: DEFAULTS.avatarRedirects,
          op: 'avatar', signal: call?.signal,
        });
      } catch (e) {
        // Whether `/d/{id}` accepts a Bearer token at all is unknown (space-api.md §2c). A 401/403 here
        // must not read as "token revoked" and disconnect the user; pictures are just unavailable.
        if (isSpaceError(e) && (e.code === 'unauthorized' || e.code === 'forbidden')) {
          throw new SpaceError('unsupported', e.status === undefined ? { host: http.host, op: 'avatar' } : { host: http.host, op: 'avatar', status: e.status });
        }
        throw e;
      }
    },

    revokeCurrentToken: async (call) => http.delete({
      path: paths.revokeCurrentToken, op: 'revokeToken', signal: call?.signal,
    }),
  };
  return api;
}
