import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, isHidden, PersonRefValue, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { teamMeta } from './meta.ts';

function Card({ entity }: CardProps<'team'>) {
  return (
    <>
      <CardHead meta={teamMeta} title={entity.title} sub={entity.parent && <Text value={entity.parent.name} class="muted" />} />
      {entity.description && <p class="card-text"><Text value={entity.description} /></p>}
      <Fields>
        <Field label={t('card_parent')}><Value value={entity.parent?.name} /></Field>
        <Field label={t('card_lead')}>
          <PersonRefValue person={entity.lead} hidden={isHidden(entity, 'lead')} />
        </Field>
        <Field label={t('card_members')}>
          <Value value={entity.memberCount === null ? null : String(entity.memberCount)} />
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'team'> = {
  Card,
  copyKey: (team) => team.name || team.title || null,
  detailsId: (team) => team.id,
};
