import { t } from '../../shared/i18n.ts';
import { Avatar } from '../../shared/ui/Avatar.tsx';
import { Text } from '../../shared/ui/Text.tsx';
import { displayText } from '../../shared/ui/text.ts';
import { formatIsoDate } from '../../shared/ui/time-format.ts';
import { CopyButton, Field, Fields, isHidden, NameList } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { Joined } from '../row-parts.tsx';
import { computeDayBar, formatOffset, isValidZone } from './day-bar.ts';
import { DayBarView } from './DayBarView.tsx';

/** Their local time, how far it is from the viewer's, and whether they are working right now. */
function LocalTime({ entity, env }: CardProps<'person'>) {
  const zone = entity.timeZone;
  if (!isValidZone(zone) || !isValidZone(env.viewerZone)) return null;
  const bar = computeDayBar({ now: env.now, viewerZone: env.viewerZone, theirZone: zone, hours: entity.workingHours });
  const dateIn = (z: string) => new Intl.DateTimeFormat('en-CA', { timeZone: z }).format(env.now);
  const time = new Intl.DateTimeFormat(undefined, {
    timeZone: zone, hour: 'numeric', minute: '2-digit', ...(dateIn(zone) === dateIn(env.viewerZone) ? {} : { weekday: 'short' }),
  }).format(env.now);
  const offset = bar.offsetMinutes === 0 ? t('card_sameTime') : t('card_offset', formatOffset(bar.offsetMinutes));
  // `workingHours` is undefined on a search result until the card's details arrive: nothing to say yet (the
  // card shows "Loading…"). Null is Space saying there are none; withheld hours are said to be hidden.
  const working = isHidden(entity, 'workingHours') ? t('card_workingHoursHidden')
    : entity.workingHours === undefined ? null
    : bar.workingNow === null ? t('card_noWorkingHours')
    : bar.workingNow ? t('card_workingNow') : t('card_notWorkingNow');
  return (
    <Field label={t('card_localTime')}>
      <span class={bar.workingNow ? 'working' : undefined} data-testid="local-time">
        <strong>{time}</strong> <Joined parts={[offset, working]} />
      </span>
      {bar.workingNow !== null && <DayBarView bar={bar} viewerZone={env.viewerZone} />}
    </Field>
  );
}

function Absence({ absence }: { absence: NonNullable<CardProps<'person'>['entity']['absence']> }) {
  const reason = displayText(absence.reason, 80);
  return (
    <p class="absence">
      {absence.until ? t('card_absentUntil', [reason, formatIsoDate(absence.until)]) : t('card_absent', reason)}
    </p>
  );
}

function Card({ entity, env }: CardProps<'person'>) {
  return (
    <>
      <div class="card-head">
        <Avatar id={entity.id} name={entity.title} src={env.avatar} large label={t('card_avatarAlt', displayText(entity.title, 80))} />
        <div class="card-head-text">
          <h2 class="card-title"><Text value={entity.title} /></h2>
          {entity.username && (
            <p class="card-sub">
              <Text value={`@${entity.username}`} />
              <CopyButton value={entity.username} what={t('card_username')} copy={env.copy} />
            </p>
          )}
          {entity.positions.length > 0 && <p class="card-sub muted"><NameList names={entity.positions} max={2} /></p>}
        </div>
      </div>
      {entity.absence && <Absence absence={entity.absence} />}
      <Fields>
        <LocalTime entity={entity} env={env} />
        {entity.teams.length > 0 && (
          <Field label={t('card_teams')}><NameList names={entity.teams.map((x) => x.name)} /></Field>
        )}
        {entity.locations.length > 0 && (
          <Field label={t('card_location')}><NameList names={entity.locations.map((x) => x.name)} max={2} /></Field>
        )}
        {entity.emails.slice(0, 2).map((email) => (
          <Field key={email} label={t('card_email')}>
            <Text value={email} class="ellipsis" />
            <CopyButton value={email} what={t('card_email')} copy={env.copy} />
          </Field>
        ))}
        {entity.phones.slice(0, 2).map((phone) => (
          <Field key={phone} label={t('card_phone')}>
            <Text value={phone} />
            <CopyButton value={phone} what={t('card_phone')} copy={env.copy} />
          </Field>
        ))}
      </Fields>
    </>
  );
}

export const card: KindCard<'person'> = {
  Card,
  copyKey: (p) => p.username || null,
  detailsId: (p) => p.username,
};
