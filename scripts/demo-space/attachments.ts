/**
 * `/d/{id}`: attachments, here the avatars of the directory as identicon PNGs. Bearer required ([U] whether Space
 * accepts it; the demo insists on it). With avatarRedirect, `/d/{id}` answers a 302 to `/d/{id}/image` on this
 * origin or on another one (issue 15, item 6: whether and where Space redirects attachments is [U]).
 */
import { identiconPng } from './avatar-png.ts';
import type { Dataset } from './dataset.ts';
import { sendBytes, sendSpaceError, sendText } from './responses.ts';
import type { RecordedRequest } from './request-log.ts';
import type { Authentication } from './tokens.ts';
import type { DemoRequest, DemoResponse } from './transport.ts';

export const AVATAR_REDIRECTS = ['off', 'same-origin', 'other-origin'] as const;
export type AvatarRedirect = (typeof AVATAR_REDIRECTS)[number];

export class Attachments {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly dataset: Dataset) {}

  /** `segments`: the decoded path, `['d', id]` or `['d', id, 'image']`. */
  serve(req: DemoRequest, res: DemoResponse, segments: readonly string[], record: RecordedRequest, auth: () => Authentication, redirect: AvatarRedirect): void {
    if (req.method !== 'GET') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'GET' });
    // `/d/{id}`, and `/d/{id}/image` where a redirecting server sends it (avatarRedirect).
    const redirected = segments.length === 3 && segments[2] === 'image';
    if (segments.length !== 2 && !redirected) return sendText(res, record, 404, 'Not Found');
    const authentication = auth();
    if ('failure' in authentication) return sendSpaceError(res, record, 401, 'authentication-required', authentication.failure);
    const id = segments[1] as string;
    const spec = this.dataset.avatars.get(id);
    if (!spec) return sendSpaceError(res, record, 404, 'not-found', 'Attachment not found');
    if (!redirected && redirect !== 'off') {
      const target = `/d/${encodeURIComponent(id)}/image`;
      const location = redirect === 'same-origin' ? target : `${otherOrigin(req)}${target}`;
      record.status = 302;
      res.writeHead(302, { location, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    let bytes = this.cache.get(id);
    if (!bytes) {
      bytes = identiconPng(spec.seed, spec.sizePx);
      this.cache.set(id, bytes);
    }
    return sendBytes(res, record, 200, bytes, 'image/png', { 'cache-control': 'private, max-age=86400' });
  }
}

/** This server under another origin: `localhost` for `127.0.0.1` (and any other host), `127.0.0.1` for `localhost`. */
function otherOrigin(req: DemoRequest): string {
  const host = req.headers.host ?? '127.0.0.1';
  const port = /:(\d+)$/.exec(host)?.[1];
  const name = host.startsWith('localhost') ? '127.0.0.1' : 'localhost';
  const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  return `${scheme}://${name}${port ? `:${port}` : ''}`;
}
