import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { codeMeta } from './meta.ts';

function Row({ entity }: RowProps<'code'>) {
  return (
    <>
      <KindBadge meta={codeMeta} />
      <RowText
        title={<Text value={entity.title} class="mono" />}
        detail={<Joined parts={[
          entity.repository && <Text value={entity.repository} />,
          entity.projectKey && <Text value={entity.projectKey} class="mono" />,
        ]} />}
      />
    </>
  );
}

export const codeView: KindView<'code'> = { meta: codeMeta, Row };
