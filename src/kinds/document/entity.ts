/** The document kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase, PersonRef } from '../../space/types.ts';

/** A project's document (Space's `Document`, found by `GET /projects/{project}/documents/folders/root/search`). */
export interface ProjectDocument extends EntityBase {
  kind: 'document';
  /** The project the search asked (documents carry no project of their own in the answer). */
  projectKey: string;
  /** The folder it is in; null at the project's top level, or when withheld (`hidden: ['folder']`). */
  folder: { id: string; name: string } | null;
  /** Who created it: a member, or a named non-member principal (an application…); null when none or withheld. */
  author: PersonRef | null;
  /** Epoch ms of its last change (`modified`), or null when withheld or unreadable. */
  updatedAt: number | null;
}

declare module '../../space/types.ts' {
  interface EntityTypes { document: ProjectDocument }
}
