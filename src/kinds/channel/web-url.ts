import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/im/group/{channelId}`: a chat channel [C examples: public links, space-api.md §7]. */
export function channelUrl(origin: string, channelId: string): string {
  return webUrl(origin, `/im/group/${seg(channelId)}`);
}
