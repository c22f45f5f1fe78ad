import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { formatIsoDate } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, Joined, KeyWithCopy, KindBadge, RowText, Value } from '../card-parts.tsx';
import type { CardProps, KindView, RowProps } from '../kind-view.ts';
import type { Issue } from '../../space/types.ts';
import { issueMeta } from './meta.ts';

const HEX_COLOR = /^#?([0-9a-f]{6})$/i;

/** Space's status colour as a small dot; only a plain hex colour is accepted into a style. */
function StatusChip({ status }: { status: Issue['status'] }) {
  const hex = status.color ? HEX_COLOR.exec(status.color)?.[1] : undefined;
  return (
    <span class="status">
      {hex && <span class="status-dot" style={{ background: `#${hex}` }} aria-hidden="true" />}
      <Text value={status.name} />
      {status.resolved && <span class="muted"> ({t('card_resolved')})</span>}
    </span>
  );
}

function Row({ entity }: RowProps<'issue'>) {
  return (
    <>
      <KindBadge meta={issueMeta} />
      <RowText
        title={<><Text value={entity.key} class="mono" /> <Text value={entity.title} /></>}
        detail={<Joined parts={[
          entity.status.name && <StatusChip status={entity.status} />,
          entity.assignee && <Text value={entity.assignee.name} />,
        ]} />}
      />
    </>
  );
}

function Card({ entity, env }: CardProps<'issue'>) {
  return (
    <>
      <CardHead meta={issueMeta} title={entity.title} sub={<Text value={entity.key} class="mono muted" />} />
      <Fields>
        <Field label={t('card_key')}><KeyWithCopy value={entity.key} copy={env.copy} /></Field>
        <Field label={t('card_status')}><StatusChip status={entity.status} /></Field>
        <Field label={t('card_assignee')}>
          {entity.assignee
            ? <Joined parts={[<Text value={entity.assignee.name} />, <Text value={`@${entity.assignee.username}`} class="muted" />]} />
            : <Value value={null} fallback={t('card_unassigned')} />}
        </Field>
        <Field label={t('card_due')}>
          <Value value={entity.dueDate ? formatIsoDate(entity.dueDate) : null} fallback={t('card_noDue')} />
        </Field>
      </Fields>
    </>
  );
}

export const issueView: KindView<'issue'> = {
  meta: issueMeta,
  Row,
  Card,
  copyKey: (i) => i.key || null,
};
