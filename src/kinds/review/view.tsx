import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { reviewMeta } from './meta.ts';

function Row({ entity }: RowProps<'review'>) {
  return (
    <>
      <KindBadge meta={reviewMeta} />
      <RowText
        title={<><Text value={entity.key} class="mono" /> <Text value={entity.title} /></>}
        detail={<Joined parts={[
          entity.state && <Text value={entity.state} />,
          entity.author && <Text value={entity.author.name} />,
        ]} />}
      />
    </>
  );
}

export const reviewView: KindView<'review'> = {
  meta: reviewMeta,
  Row,
  copyKey: (r) => r.key || null,
};
