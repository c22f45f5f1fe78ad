/** TD_Location → Location (space-api.md §2b). */
import type { Reader } from '../parse.ts';
import type { Location } from '../types.ts';
import { locationUrl } from '../web-urls.ts';

export const LOCATION_FIELDS = 'id,name,type,tz,timezone(id),address,channelId,archived,parent(id,name)';

export function mapLocation(location: Reader, origin: string): Location {
  const id = location.id('id');
  const name = location.str('name');
  const parent = location.optObj('parent');
  return {
    kind: 'location',
    id,
    title: name,
    webUrl: locationUrl(origin, { channelId: location.optStr('channelId') }),
    name,
    // `type` is a string on the DTO, not the enum: newer servers may send types we don't know.
    type: location.optStr('type') ?? '',
    parent: parent ? { id: parent.id('id'), name: parent.str('name') } : null,
    timeZone: nonEmpty(location.optStr('tz')) ?? nonEmpty(location.optObj('timezone')?.optStr('id') ?? null),
    address: nonEmpty(location.optStr('address')),
  };
}

function nonEmpty(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
