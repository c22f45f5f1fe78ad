/** TD_Location → Location (space-api.md §2b). */
import type { Reader } from '../../space/parse.ts';
import type { Location } from './entity.ts';
import { locationUrl } from './web-url.ts';
import { HiddenFields, identityOf } from '../../space/mappers/common.ts';

export const LOCATION_FIELDS = 'id,name,type,tz,timezone(id),address,channelId,archived,parent(id,name)';

/** The id and name are required unless withheld (then one stands in for the other); the rest is optional detail. */
export function mapLocation(location: Reader, origin: string): Location {
  const hidden = new HiddenFields();
  const { id, name, parent } = identityOf(location, hidden);
  hidden.check(location, 'type', 'type');
  hidden.check(location, 'address', 'address');
  const zone = location.looseObj('timezone');
  const timeZone = nonEmpty(location.optStr('tz')) ?? nonEmpty(zone?.looseStr('id') ?? null);
  // Either source withheld: the zone shown may be missing, or not the one Space would give first.
  hidden.check(location, ['tz', 'timezone'], 'timeZone');
  hidden.check(zone, 'id', 'timeZone');
  return hidden.apply<Location>({
    kind: 'location',
    id,
    title: name || id,
    webUrl: locationUrl(origin, { channelId: location.optStr('channelId') }),
    name,
    // `type` is a string on the DTO, not the enum: newer servers may send types we don't know.
    type: location.optStr('type') ?? '',
    parent,
    timeZone,
    address: nonEmpty(location.optStr('address')),
  });
}

function nonEmpty(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
