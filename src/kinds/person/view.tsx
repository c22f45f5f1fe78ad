import { Avatar } from '../../shared/ui/Avatar.tsx';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView } from '../kind-view.ts';
import { personMeta } from './meta.ts';

export const view: KindView<'person'> = {
  meta: personMeta,
  detail: (entity) => [
    entity.username && <Text value={`@${entity.username}`} />,
    entity.positions[0] && <Text value={entity.positions[0]} />,
    entity.locations[0] && <Text value={entity.locations[0].name} />,
  ],
  lead: (entity, avatar) => <Avatar id={entity.id} name={entity.title} src={avatar} />,
};
