import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { repositoryMeta } from './meta.ts';

function Row({ entity }: RowProps<'repository'>) {
  return (
    <>
      <KindBadge meta={repositoryMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          <Text value={entity.projectKey} class="mono" />,
          entity.defaultBranch && <Text value={entity.defaultBranch} />,
        ]} />}
      />
    </>
  );
}

export const repositoryView: KindView<'repository'> = { meta: repositoryMeta, Row };
