/** The location kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase } from '../../space/types.ts';

export interface Location extends EntityBase {
  kind: 'location';
  name: string;
  /** Region, Campus, Building, Floor, Room, ConferenceRoom or a newer type string. */
  type: string;
  parent: { id: string; name: string } | null;
  timeZone: string | null;
  address: string | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { location: Location }
}
