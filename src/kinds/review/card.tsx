import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, isHidden, KeyWithCopy, PersonRefValue } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { Joined } from '../row-parts.tsx';
import { reviewMeta } from './meta.ts';
import { ReviewState } from './state.tsx';

function Card({ entity, env }: CardProps<'review'>) {
  const type = entity.type === 'merge-request' ? t('card_mergeRequest') : t('card_commitSet');
  return (
    <>
      <CardHead meta={reviewMeta} title={entity.title} sub={<Joined parts={[<Text value={entity.key} class="mono muted" />, <span class="muted">{type}</span>]} />} />
      <Fields>
        <Field label={t('card_key')}><KeyWithCopy value={entity.key} copy={env.copy} /></Field>
        <Field label={t('card_state')}><ReviewState state={entity.state} /></Field>
        {entity.branches && (
          <Field label={t('card_branches')}>
            <span class="branches">
              <Text value={entity.branches.source} class="mono" /> <span aria-hidden="true">→</span>
              <span class="sr-only"> {t('card_into')} </span> <Text value={entity.branches.target} class="mono" />
            </span>
            {entity.branches.repository && <span class="muted"> (<Text value={entity.branches.repository} />)</span>}
          </Field>
        )}
        <Field label={t('card_author')}>
          <PersonRefValue person={entity.author} hidden={isHidden(entity, 'author')} />
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'review'> = {
  Card,
  copyKey: (r) => r.key || null,
  detailsId: (r) => r.key,
};
