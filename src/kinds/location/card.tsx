import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, Value } from '../card-parts.tsx';
import type { CardEnv, CardProps, KindCard } from '../kind-view.ts';
import { formatOffset, isValidZone, zoneOffsetMinutes } from '../person/day-bar.ts';
import { Joined } from '../row-parts.tsx';
import { locationMeta } from './meta.ts';

function ZoneTime({ zone, env }: { zone: string | null; env: CardEnv }) {
  if (!isValidZone(zone)) return <Value value={zone} />;
  const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit', weekday: 'short' })
    .format(env.now);
  const diff = isValidZone(env.viewerZone)
    ? zoneOffsetMinutes(zone, env.now) - zoneOffsetMinutes(env.viewerZone, env.now)
    : 0;
  return (
    <>
      <Text value={zone} /> <span class="muted">
        <Joined parts={[<strong>{time}</strong>, diff === 0 ? t('card_sameTime') : t('card_offset', formatOffset(diff))]} />
      </span>
    </>
  );
}

function Card({ entity, env }: CardProps<'location'>) {
  return (
    <>
      <CardHead meta={locationMeta} title={entity.title} sub={entity.type && <Text value={entity.type} class="muted" />} />
      <Fields>
        <Field label={t('card_type')}><Value value={entity.type} /></Field>
        <Field label={t('card_parent')}><Value value={entity.parent?.name} /></Field>
        <Field label={t('card_timeZone')}><ZoneTime zone={entity.timeZone} env={env} /></Field>
        <Field label={t('card_address')}><Value value={entity.address} /></Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'location'> = {
  Card,
  copyKey: (l) => l.name || l.title || null,
  detailsId: (l) => l.id,
};
