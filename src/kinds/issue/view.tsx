import type { KindView } from '../kind-view.ts';
import { keyedTitle, PersonRefName } from '../row-parts.tsx';
import { issueMeta } from './meta.ts';
import { StatusChip } from './status.tsx';

export const view: KindView<'issue'> = {
  meta: issueMeta,
  title: keyedTitle,
  detail: (entity) => [
    entity.status.name && <StatusChip status={entity.status} />,
    entity.assignee && <PersonRefName person={entity.assignee} />,
  ],
};
