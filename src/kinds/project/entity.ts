/** The project kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase } from '../../space/types.ts';

export interface Project extends EntityBase {
  kind: 'project';
  key: string;
  name: string;
  description: string;
  private: boolean;
  repositories: string[];
}

declare module '../../space/types.ts' {
  interface EntityTypes { project: Project }
}
