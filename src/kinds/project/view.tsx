import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { projectMeta } from './meta.ts';

function Row({ entity }: RowProps<'project'>) {
  return (
    <>
      <KindBadge meta={projectMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          <Text value={entity.key} class="mono" />,
          entity.private && t('card_private'),
        ]} />}
      />
    </>
  );
}

export const projectView: KindView<'project'> = { meta: projectMeta, Row };
