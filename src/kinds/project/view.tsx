import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, Joined, KeyWithCopy, KindBadge, NameList, RowText } from '../card-parts.tsx';
import type { CardProps, KindView, RowProps } from '../kind-view.ts';
import { projectMeta } from './meta.ts';

function Row({ entity }: RowProps<'project'>) {
  return (
    <>
      <KindBadge meta={projectMeta} />
      <RowText
        title={<Text value={entity.title} />}
        detail={<Joined parts={[
          <Text value={entity.key} class="mono" />,
          entity.private && t('card_private'),
        ]} />}
      />
    </>
  );
}

function Card({ entity, env }: CardProps<'project'>) {
  return (
    <>
      <CardHead meta={projectMeta} title={entity.title} sub={entity.private && <span class="muted">{t('card_private')}</span>} />
      {entity.description && <p class="card-text"><Text value={entity.description} /></p>}
      <Fields>
        <Field label={t('card_key')}><KeyWithCopy value={entity.key} copy={env.copy} /></Field>
        <Field label={t('card_repositories')}><NameList names={entity.repositories} max={4} /></Field>
      </Fields>
    </>
  );
}

export const projectView: KindView<'project'> = {
  meta: projectMeta,
  Row,
  Card,
  copyKey: (p) => p.key || null,
};
