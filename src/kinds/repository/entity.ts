/** The repository kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase } from '../../space/types.ts';

export interface Repository extends EntityBase {
  kind: 'repository';
  projectKey: string;
  name: string;
  description: string;
  defaultBranch: string | null;
  /** Epoch ms of the latest activity, or null. */
  latestActivity: number | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { repository: Repository }
}
