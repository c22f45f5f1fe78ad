import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { relativeTime } from '../../shared/ui/time-format.ts';
import { CardHead, Field, Fields, Joined, KindBadge, RowText, Value } from '../card-parts.tsx';
import type { CardProps, KindView, RowProps } from '../kind-view.ts';
import { repositoryMeta } from './meta.ts';

function Row({ entity }: RowProps<'repository'>) {
  return (
    <>
      <KindBadge meta={repositoryMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          <Text value={entity.projectKey} class="mono" />,
          entity.defaultBranch && <Text value={entity.defaultBranch} />,
        ]} />}
      />
    </>
  );
}

function Card({ entity, env }: CardProps<'repository'>) {
  return (
    <>
      <CardHead meta={repositoryMeta} title={entity.title} sub={<Text value={entity.projectKey} class="mono muted" />} />
      {entity.description && <p class="card-text"><Text value={entity.description} /></p>}
      <Fields>
        <Field label={t('card_project')}><Text value={entity.projectKey} class="mono" /></Field>
        <Field label={t('card_defaultBranch')}><Value value={entity.defaultBranch} /></Field>
        <Field label={t('card_lastActivity')}>
          {entity.latestActivity !== null && Number.isFinite(entity.latestActivity)
            ? <time dateTime={new Date(entity.latestActivity).toISOString()}>{relativeTime(entity.latestActivity, env.now)}</time>
            : <Value value={null} />}
        </Field>
      </Fields>
    </>
  );
}

export const repositoryView: KindView<'repository'> = {
  meta: repositoryMeta,
  Row,
  Card,
  copyKey: (r) => r.name || null,
};
