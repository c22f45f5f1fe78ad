/** AllChannelsListEntry → Channel (space-api.md §2b; OAS `AllChannelsListEntry`). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Channel } from './entity.ts';
import { channelUrl } from './web-url.ts';
import { HiddenFields, idAndName } from '../../space/mappers/common.ts';

/** The row and the card: the list entry has everything both show, so there is no details request. */
export const CHANNEL_FIELDS = 'channelId,name,description,subscribers,subscribed,archived,lastMessageTime';
export const CHANNEL_BATCH_FIELDS = batchFields(CHANNEL_FIELDS);

/**
 * The channel's id and name are required unless Space lists them in `$errors` (then one stands in for the
 * other, and without the id the link goes to the home page). Description, counts, subscription and the last
 * message's time are optional detail: withheld, they are unknown and named in `hidden`. `lastMessageTime`
 * is a date-time (`{iso, timestamp}` on the wire, space-api.md §3), null for a channel nobody wrote in.
 */
export function mapChannel(entry: Reader, origin: string): Channel {
  const hidden = new HiddenFields();
  const { id, name, idWithheld } = idAndName(entry, hidden, { id: 'channelId', name: 'name' });
  hidden.check(entry, 'description', 'description');
  hidden.check(entry, 'subscribers', 'subscribers');
  hidden.check(entry, 'subscribed', 'subscribed');
  hidden.checkWithin(entry, 'lastMessageTime', 'lastMessageTime');
  hidden.check(entry, 'archived', 'archived');
  const subscribers = entry.optNum('subscribers');
  return hidden.apply<Channel>({
    kind: 'channel',
    id,
    title: name || id,
    webUrl: idWithheld ? new URL('/', origin).href : channelUrl(origin, id),
    name,
    description: hidden.optional('description', () => entry.optStr('description')) ?? '',
    subscribers: subscribers === null ? null : Math.max(0, Math.floor(subscribers)),
    subscribed: entry.has('subscribed') ? entry.bool('subscribed') : null,
    lastMessageTime: hidden.optional('lastMessageTime', () => entry.optTimestamp('lastMessageTime')),
    archived: entry.optBool('archived', false),
  });
}
