/** The review kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase, PersonRef } from '../../space/types.ts';

export interface Review extends EntityBase {
  kind: 'review';
  projectKey: string;
  number: number;
  /** `ABC-MR-12` for merge requests, `ABC-CR-12` for commit-set reviews. */
  key: string;
  state: string;
  type: 'merge-request' | 'commit-set';
  branches: { source: string; target: string; repository: string } | null;
  author: PersonRef | null;
  createdAt: number | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { review: Review }
}
