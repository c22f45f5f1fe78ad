import { t } from '../../shared/i18n.ts';
import { CardHead, Field, Fields, isHidden, NameList, PersonRefValue, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { articleDate } from './date.ts';
import { articleMeta } from './meta.ts';

function Card({ entity }: CardProps<'article'>) {
  const audience = [...entity.teams, ...entity.locations].map((x) => x.name);
  const hiddenAudience = isHidden(entity, 'teams') || isHidden(entity, 'locations');
  return (
    <>
      <CardHead meta={articleMeta} title={entity.title} />
      <p class="card-text" data-testid="article-preview">
        <Value value={entity.preview} fallback={isHidden(entity, 'preview') ? t('card_hidden') : t('card_noPreview')} />
      </p>
      <Fields>
        <Field label={t('card_author')}>
          <PersonRefValue person={entity.author} hidden={isHidden(entity, 'author')} />
        </Field>
        <Field label={t('card_published')}>
          <Value value={articleDate(entity.createdAt)} fallback={isHidden(entity, 'createdAt') ? t('card_hidden') : undefined} />
        </Field>
        <Field label={t('card_audience')}>
          {audience.length > 0 ? <NameList names={audience} max={4} />
            : <span class="muted">{hiddenAudience ? t('card_hidden') : t('card_everyone')}</span>}
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'article'> = {
  Card,
  copyKey: (article) => article.title || null,
  detailsId: (article) => article.id,
};
