/** The article kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's `EntityTypes`. */
import type { EntityBase, PersonRef } from '../../space/types.ts';

/** A blog article from `GET /blog` (`ArticleRecord`). */
export interface Article extends EntityBase {
  kind: 'article';
  /** The article's title is `title`. Null when there is no author to show (none, or withheld as a whole). */
  author: PersonRef | null;
  /** Epoch ms of publication, or null when withheld. */
  createdAt: number | null;
  /** Space's own preview of the text (`preview`), as plain text; '' when none or withheld. */
  preview: string;
  /** Teams and locations the article is for; empty when it is for everyone. */
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
}

declare module '../../space/types.ts' {
  interface EntityTypes { article: Article }
}
