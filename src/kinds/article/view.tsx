import type { KindView } from '../kind-view.ts';
import { PersonRefName } from '../row-parts.tsx';
import { articleDate } from './date.ts';
import { articleMeta } from './meta.ts';

export const view: KindView<'article'> = {
  meta: articleMeta,
  detail: (entity) => [entity.author && <PersonRefName person={entity.author} />, articleDate(entity.createdAt)],
};
