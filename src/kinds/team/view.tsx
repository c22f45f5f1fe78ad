import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, RowText } from '../row-parts.tsx';
import { teamMeta } from './meta.ts';

function Row({ entity }: RowProps<'team'>) {
  return (
    <>
      <KindBadge meta={teamMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          entity.parent && <Text value={entity.parent.name} />,
          entity.memberCount !== null && t('row_memberCount', String(entity.memberCount)),
        ]} />}
      />
    </>
  );
}

export const teamView: KindView<'team'> = { meta: teamMeta, Row };
