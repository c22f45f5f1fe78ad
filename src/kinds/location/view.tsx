import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { locationMeta } from './meta.ts';

function Row({ entity }: RowProps<'location'>) {
  return (
    <>
      <KindBadge meta={locationMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          entity.type && <Text value={entity.type} />,
          entity.parent && <Text value={entity.parent.name} />,
        ]} />}
      />
    </>
  );
}

export const locationView: KindView<'location'> = { meta: locationMeta, Row };
