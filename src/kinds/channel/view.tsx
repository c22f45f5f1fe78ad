import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { channelMeta } from './meta.ts';

function Row({ entity }: RowProps<'channel'>) {
  return (
    <>
      <KindBadge meta={channelMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          entity.description && <Text value={entity.description} />,
          entity.subscribers !== null && t('row_subscribers', String(entity.subscribers)),
        ]} />}
      />
    </>
  );
}

export const channelView: KindView<'channel'> = { meta: channelMeta, Row };
