import { Text } from '../../shared/ui/Text.tsx';
import type { KindView, RowProps } from '../kind-view.ts';
import { Joined, KindBadge, PersonRefName, RowText } from '../row-parts.tsx';
import { issueMeta } from './meta.ts';
import { StatusChip } from './status.tsx';

function Row({ entity }: RowProps<'issue'>) {
  return (
    <>
      <KindBadge meta={issueMeta} />
      <RowText
        title={<><Text value={entity.key} class="mono" /> <Text value={entity.title} /></>}
        detail={<Joined parts={[
          entity.status.name && <StatusChip status={entity.status} />,
          entity.assignee && <PersonRefName person={entity.assignee} />,
        ]} />}
      />
    </>
  );
}

export const issueView: KindView<'issue'> = { meta: issueMeta, Row };
