import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, PersonRefName, RowText } from '../row-parts.tsx';
import { reviewMeta } from './meta.ts';
import { ReviewState } from './state.tsx';

function Row({ entity }: RowProps<'review'>) {
  return (
    <>
      <KindBadge meta={reviewMeta} />
      <RowText
        title={<><Text value={entity.key} class="mono" /> <Text value={entity.title} /></>}
        detail={<Joined parts={[
          entity.state && <ReviewState state={entity.state} />,
          entity.author && <PersonRefName person={entity.author} />,
        ]} />}
      />
    </>
  );
}

export const reviewView: KindView<'review'> = { meta: reviewMeta, Row };
