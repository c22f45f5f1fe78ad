import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { documentMeta } from './meta.ts';

export const view: KindView<'document'> = {
  meta: documentMeta,
  detail: (entity) => [entity.folder && <Text value={entity.folder.name} />, <Text value={entity.projectKey} class="mono" />],
};
