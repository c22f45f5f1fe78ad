import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, Value } from '../card-parts.tsx';
import type { CardProps } from '../kind-view.ts';
import { Joined } from '../row-parts.tsx';
import { teamMeta } from './meta.ts';

export function TeamCard({ entity }: CardProps<'team'>) {
  return (
    <>
      <CardHead meta={teamMeta} title={entity.title} sub={entity.parent && <Text value={entity.parent.name} class="muted" />} />
      {entity.description && <p class="card-text"><Text value={entity.description} /></p>}
      <Fields>
        <Field label={t('card_parent')}><Value value={entity.parent?.name} /></Field>
        <Field label={t('card_lead')}>
          {entity.lead
            ? <Joined parts={[<Text value={entity.lead.name} />, <Text value={`@${entity.lead.username}`} class="muted" />]} />
            : <Value value={null} />}
        </Field>
        <Field label={t('card_members')}>
          <Value value={entity.memberCount === null ? null : String(entity.memberCount)} />
        </Field>
      </Fields>
    </>
  );
}
