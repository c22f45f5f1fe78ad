import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { teamMeta } from './meta.ts';

export const view: KindView<'team'> = {
  meta: teamMeta,
  detail: (entity) => [
    entity.parent && <Text value={entity.parent.name} />,
    entity.memberCount !== null && t('row_memberCount', String(entity.memberCount)),
  ],
};
