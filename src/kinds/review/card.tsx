import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, KeyWithCopy, Value } from '../card-parts.tsx';
import type { CardProps } from '../kind-view.ts';
import { Joined } from '../row-parts.tsx';
import { reviewMeta } from './meta.ts';

export function ReviewCard({ entity, env }: CardProps<'review'>) {
  const type = entity.type === 'merge-request' ? t('card_mergeRequest') : t('card_commitSet');
  return (
    <>
      <CardHead meta={reviewMeta} title={entity.title} sub={<Joined parts={[<Text value={entity.key} class="mono muted" />, <span class="muted">{type}</span>]} />} />
      <Fields>
        <Field label={t('card_key')}><KeyWithCopy value={entity.key} copy={env.copy} /></Field>
        <Field label={t('card_state')}><Value value={entity.state} /></Field>
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
          {entity.author
            ? <Joined parts={[<Text value={entity.author.name} />, <Text value={`@${entity.author.username}`} class="muted" />]} />
            : <Value value={null} />}
        </Field>
      </Fields>
    </>
  );
}
