/** The team kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase, PersonRef } from '../../space/types.ts';

export interface Team extends EntityBase {
  kind: 'team';
  name: string;
  description: string;
  parent: { id: string; name: string } | null;
  lead: PersonRef | null;
  memberCount: number | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { team: Team }
}
