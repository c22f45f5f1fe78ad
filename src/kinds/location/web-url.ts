import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/**
 * Space has no known page for a location [U]. Its chat channel (`/im/group/{id}`, [C] for channels)
 * is the closest real page when the location has one; otherwise the organization's home page,
 * which at least opens the right Space instead of a guessed URL that may 404.
 */
export function locationUrl(origin: string, location: { channelId?: string | null }): string {
  if (location.channelId) return webUrl(origin, `/im/group/${seg(location.channelId)}`);
  return webUrl(origin, '/');
}
