import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { formatIsoDate } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, isHidden, KeyWithCopy, PersonRefValue, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { issueMeta } from './meta.ts';
import { StatusChip } from './status.tsx';

function Card({ entity, env }: CardProps<'issue'>) {
  return (
    <>
      <CardHead meta={issueMeta} title={entity.title} sub={<Text value={entity.key} class="mono muted" />} />
      <Fields>
        <Field label={t('card_key')}><KeyWithCopy value={entity.key} copy={env.copy} /></Field>
        <Field label={t('card_status')}><StatusChip status={entity.status} /></Field>
        <Field label={t('card_assignee')}>
          <PersonRefValue person={entity.assignee} hidden={isHidden(entity, 'assignee')} fallback={t('card_unassigned')} />
        </Field>
        <Field label={t('card_due')}>
          <Value value={entity.dueDate ? formatIsoDate(entity.dueDate) : null} fallback={t('card_noDue')} />
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'issue'> = {
  Card,
  copyKey: (i) => i.key || null,
  detailsId: (i) => i.key,
};
