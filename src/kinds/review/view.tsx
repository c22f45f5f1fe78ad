import type { KindView } from '../kind-view.ts';
import { keyedTitle, PersonRefName } from '../row-parts.tsx';
import { reviewMeta } from './meta.ts';
import { ReviewState } from './state.tsx';

export const view: KindView<'review'> = {
  meta: reviewMeta,
  title: keyedTitle,
  detail: (entity) => [
    entity.state && <ReviewState state={entity.state} />,
    entity.author && <PersonRefName person={entity.author} />,
  ],
};
