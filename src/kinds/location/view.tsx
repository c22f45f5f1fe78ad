import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { locationMeta } from './meta.ts';

export const view: KindView<'location'> = {
  meta: locationMeta,
  detail: (entity) => [entity.type && <Text value={entity.type} />, entity.parent && <Text value={entity.parent.name} />],
};
