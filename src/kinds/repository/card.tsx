import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { repositoryMeta } from './meta.ts';

function Card({ entity, env }: CardProps<'repository'>) {
  const activity = entity.latestActivity;
  return (
    <>
      <CardHead meta={repositoryMeta} title={entity.title} sub={<Text value={entity.projectKey} class="mono muted" />} />
      {entity.description && <p class="card-text"><Text value={entity.description} /></p>}
      <Fields>
        <Field label={t('card_project')}><Text value={entity.projectKey} class="mono" /></Field>
        <Field label={t('card_defaultBranch')}><Value value={entity.defaultBranch} /></Field>
        <Field label={t('card_lastActivity')}>
          {activity !== null && Number.isFinite(activity) && Math.abs(activity) < 8.64e15
            ? <time dateTime={new Date(activity).toISOString()}>{relativeTime(activity, env.now)}</time>
            : <Value value={null} />}
        </Field>
      </Fields>
    </>
  );
}

export const card: KindCard<'repository'> = {
  Card,
  copyKey: (r) => r.name || null,
  detailsId: (r) => `${r.projectKey}/${r.name}`,
};
