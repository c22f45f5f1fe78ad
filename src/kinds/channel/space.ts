/**
 * The channel kind's Space side: chat channels whose name or description contains `query`, across the
 * organization (one request). Each row has everything a card shows: there is no `channel(id)`, as Space's channel
 * endpoint tells no more than the list entry.
 */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Channel } from './entity.ts';
import { CHANNEL_BATCH_FIELDS, mapChannel } from './mapper.ts';

export const searchChannels = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Channel>> => api.get({
  // `query` is required [C OAS, NET `ListAllChannelsAsync`]: sent even when empty, '' lists every channel.
  // `withArchived` defaults to true [C]: a lookup wants the channels people still write in, as team search
  // leaves out archived teams.
  op: 'searchChannels', path: '/chats/channels/all-channels', fields: CHANNEL_BATCH_FIELDS,
  query: { query, withArchived: false, ...pageQuery(page) }, on404: 'unsupported', map: batchOf(mapChannel),
}, call);
