/**
 * The channel kind's Space side: chat channels whose name or description contains `query`, across the
 * organization (one request). Each row has everything a card shows: there is no `channel(id)`, as Space's channel
 * endpoint tells no more than the list entry.
 */
import { searchOf } from '../../space/endpoint.ts';
import { CHANNEL_BATCH_FIELDS, mapChannel } from './mapper.ts';

// `query` is required [C OAS, NET `ListAllChannelsAsync`]: sent even when empty, '' lists every channel.
// `withArchived` defaults to true [C]: a lookup wants the channels people still write in, as team search leaves out
// archived teams.
export const searchChannels = searchOf(
  'searchChannels', '/chats/channels/all-channels', CHANNEL_BATCH_FIELDS, mapChannel, (query) => ({ query, withArchived: false }),
);
