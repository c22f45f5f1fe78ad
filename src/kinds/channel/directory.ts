/**
 * Every chat channel that is not archived, for the local directory: `query` is required, and '' lists every
 * channel (as channel search sends it, space.ts); `withArchived` false as there.
 */
import { batchOf } from '../../space/endpoint.ts';
import { directoryPageQuery, type DirectoryList } from '../directory-source.ts';
import type { Channel } from './entity.ts';
import { CHANNEL_BATCH_FIELDS, mapChannel } from './mapper.ts';

export const listChannels: DirectoryList<Channel> = (api, page, call) => api.get({
  op: 'directoryChannels', path: '/chats/channels/all-channels', fields: CHANNEL_BATCH_FIELDS,
  query: { query: '', withArchived: false, ...directoryPageQuery(page) }, on404: 'unsupported', map: batchOf(mapChannel),
}, call);
