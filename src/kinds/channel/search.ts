import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { searchChannels } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'channel'> = {
  kind: 'channel',
  permission: permissions[0],
  search: textSearch(searchChannels),
  // The row is the whole card (Space's channel endpoint tells no more than the list entry): the card hands out
  // no details id (card.tsx), so there is none to read.
  details: () => null,
  omniboxLine: (channel) => `#${channel.name}`,
};
