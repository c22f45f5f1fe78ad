import { t } from '../../shared/i18n.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { CardHead, Field, Fields, isHidden, Value } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { Joined } from '../row-parts.tsx';
import { codeMeta } from './meta.ts';

/** Lines of the snippet shown; Space may send more context than a card has room for. */
const MAX_LINES = 12;

/** The snippet as plain text: a line number, then the line; the lines Space matched are marked. */
function Lines({ entity }: CardProps<'code'>) {
  const { lines } = entity;
  if (lines.length === 0) {
    return <p class="card-note muted">{isHidden(entity, 'lines') ? t('card_linesHidden') : t('card_noLines')}</p>;
  }
  return (
    <>
      <table class="code-lines mono" data-testid="code-lines" aria-label={t('card_matchingLines')}>
        <tbody>
          {lines.slice(0, MAX_LINES).map((line, i) => (
            <tr key={i} data-match={line.match ? 'true' : undefined}>
              <th scope="row" class="muted">{line.number ?? ''}</th>
              <td>{line.match ? <mark><Text value={line.text} /></mark> : <Text value={line.text} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length > MAX_LINES && <p class="card-note muted">{t('card_more', String(lines.length - MAX_LINES))}</p>}
    </>
  );
}

function Card({ entity, env }: CardProps<'code'>) {
  return (
    <>
      <CardHead meta={codeMeta} title={entity.title} sub={<Joined parts={[
        entity.repository && <Text value={entity.repository} class="muted" />,
        entity.projectKey && <Text value={entity.projectKey} class="mono muted" />,
      ]} />} />
      <Fields>
        <Field label={t('card_project')}><Value value={entity.projectKey} /></Field>
        <Field label={t('card_repository')}><Value value={entity.repository} /></Field>
        <Field label={t('card_line')}><Value value={entity.line === null ? null : String(entity.line)} /></Field>
      </Fields>
      <Lines entity={entity} env={env} />
    </>
  );
}

export const card: KindCard<'code'> = {
  Card,
  copyKey: (match) => (match.path ? `${match.path}${match.line === null ? '' : `:${match.line}`}` : null),
  // The search row has everything the card shows (the matching lines come with it): no details request.
  detailsId: () => null,
};
