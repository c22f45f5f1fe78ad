import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { codeMeta } from './meta.ts';

export const view: KindView<'code'> = {
  meta: codeMeta,
  title: (entity) => <Text value={entity.title} class="mono" />,
  detail: (entity) => [
    entity.repository && <Text value={entity.repository} />,
    entity.projectKey && <Text value={entity.projectKey} class="mono" />,
  ],
};
