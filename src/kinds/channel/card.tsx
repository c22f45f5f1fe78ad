import { t } from '../../shared/i18n.ts';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, isHidden, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { channelMeta } from './meta.ts';

function LastMessage({ entity, now }: { entity: CardProps<'channel'>['entity']; now: number }) {
  const at = entity.lastMessageTime;
  if (at !== null && Number.isFinite(at) && Math.abs(at) < 8.64e15) {
    return <time dateTime={new Date(at).toISOString()}>{relativeTime(at, now)}</time>;
  }
  return <Value value={null} fallback={isHidden(entity, 'lastMessageTime') ? t('card_hidden') : t('card_noMessages')} />;
}

function Card({ entity, env }: CardProps<'channel'>) {
  const subscribed = entity.subscribed === null
    ? <Value value={null} fallback={isHidden(entity, 'subscribed') ? t('card_hidden') : undefined} />
    : <span data-testid="channel-subscribed">{entity.subscribed ? t('card_subscribedYes') : t('card_subscribedNo')}</span>;
  return (
    <>
      <CardHead meta={channelMeta} title={entity.title} />
      <p class="card-text"><Value value={entity.description} fallback={isHidden(entity, 'description') ? t('card_hidden') : t('card_noDescription')} /></p>
      <Fields>
        <Field label={t('card_lastMessage')}><LastMessage entity={entity} now={env.now} /></Field>
        <Field label={t('card_subscribed')}>{subscribed}</Field>
        <Field label={t('card_subscribers')}>
          <Value value={entity.subscribers === null ? null : String(entity.subscribers)} fallback={isHidden(entity, 'subscribers') ? t('card_hidden') : undefined} />
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'channel'> = {
  Card,
  copyKey: (channel) => channel.name || null,
  // The search row has everything the card shows: no details request.
  detailsId: () => null,
};
