import { Avatar } from '../../shared/ui/Avatar.tsx';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, RowText } from '../row-parts.tsx';
import { personMeta } from './meta.ts';

function Row({ entity, avatar }: RowProps<'person'>) {
  return (
    <>
      <Avatar id={entity.id} name={entity.title} src={avatar} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          entity.username && <Text value={`@${entity.username}`} />,
          entity.positions[0] && <Text value={entity.positions[0]} />,
          entity.locations[0] && <Text value={entity.locations[0].name} />,
        ]} />}
      />
    </>
  );
}

export const personView: KindView<'person'> = { meta: personMeta, Row };
