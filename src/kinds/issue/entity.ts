/** The issue kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase, PersonRef } from '../../space/types.ts';

export interface Issue extends EntityBase {
  kind: 'issue';
  projectKey: string;
  number: number;
  /** `ABC-T-123` */
  key: string;
  status: { name: string; resolved: boolean; color: string | null };
  assignee: PersonRef | null;
  /** ISO date `2024-05-10` or null. */
  dueDate: string | null;
  createdAt: number | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { issue: Issue }
}
