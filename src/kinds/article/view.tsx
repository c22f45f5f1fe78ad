import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, PersonRefName, RowText } from '../row-parts.tsx';
import { articleDate } from './date.ts';
import { articleMeta } from './meta.ts';

function Row({ entity }: RowProps<'article'>) {
  return (
    <>
      <KindBadge meta={articleMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          entity.author && <PersonRefName person={entity.author} />,
          articleDate(entity.createdAt),
        ]} />}
      />
    </>
  );
}

export const articleView: KindView<'article'> = { meta: articleMeta, Row };
