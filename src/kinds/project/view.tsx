import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { projectMeta } from './meta.ts';

export const view: KindView<'project'> = {
  meta: projectMeta,
  detail: (entity) => [<Text value={entity.key} class="mono" />, entity.private && t('card_private')],
};
