import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { repositoryMeta } from './meta.ts';

export const view: KindView<'repository'> = {
  meta: repositoryMeta,
  detail: (entity) => [
    <Text value={entity.projectKey} class="mono" />,
    entity.defaultBranch && <Text value={entity.defaultBranch} />,
  ],
};
