import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { channelMeta } from './meta.ts';

export const view: KindView<'channel'> = {
  meta: channelMeta,
  detail: (entity) => [
    entity.description && <Text value={entity.description} />,
    entity.subscribers !== null && t('row_subscribers', String(entity.subscribers)),
  ],
};
