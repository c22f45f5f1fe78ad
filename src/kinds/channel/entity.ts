/** The channel kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase } from '../../space/types.ts';

/** A chat channel from `GET /chats/channels/all-channels` (`AllChannelsListEntry`, space-api.md §2b). */
export interface Channel extends EntityBase {
  kind: 'channel';
  name: string;
  description: string;
  /** How many subscribe to it; null when Space withheld the count. */
  subscribers: number | null;
  /** Whether the token's owner subscribes to it; null when withheld. */
  subscribed: boolean | null;
  /** Epoch ms of the last message; null for a channel without messages (or when withheld). */
  lastMessageTime: number | null;
  archived: boolean;
}

declare module '../../space/types.ts' {
  interface EntityTypes { channel: Channel }
}
