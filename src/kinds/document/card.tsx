import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, isHidden, PersonRefValue, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { documentMeta } from './meta.ts';

/** "3 days ago (10 Jun 2024, 12:00)": when, and the date itself; nothing for a missing or impossible time. */
function Updated({ entity, now }: { entity: CardProps<'document'>['entity']; now: number }) {
  const at = entity.updatedAt;
  if (at === null || !Number.isFinite(at) || Math.abs(at) > 8.64e15) {
    return <Value value={null} fallback={isHidden(entity, 'updatedAt') ? t('card_hidden') : undefined} />;
  }
  const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  return <><time dateTime={new Date(at).toISOString()}>{relativeTime(at, now)}</time> <span class="muted">({absolute})</span></>;
}

function Card({ entity, env }: CardProps<'document'>) {
  return (
    <>
      <CardHead meta={documentMeta} title={entity.title} sub={<Text value={entity.projectKey} class="mono muted" />} />
      <Fields>
        <Field label={t('card_folder')}>
          <Value value={entity.folder?.name} fallback={isHidden(entity, 'folder') ? t('card_hidden') : t('card_topLevel')} />
        </Field>
        <Field label={t('card_author')}>
          <PersonRefValue person={entity.author} hidden={isHidden(entity, 'author')} />
        </Field>
        <Field label={t('card_updated')}><Updated entity={entity} now={env.now} /></Field>
        <Field label={t('card_project')}><Text value={entity.projectKey} class="mono" /></Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'document'> = {
  Card,
  // Documents have no key: Alt+K copies the title, as for blog articles; Alt+C the link.
  copyKey: (document) => document.title || null,
  // The search row has everything the card shows: no details request.
  detailsId: () => null,
};
