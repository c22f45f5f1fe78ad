/** Building blocks of result rows (part of the popup's first paint, so kept small). */
import { Fragment, type ComponentChildren } from 'preact';
import { t } from '../shared/i18n.ts';
import { Text } from '../shared/ui/Text.tsx';
import { displayText } from '../shared/ui/text.ts';
import type { PersonRef } from '../space/types.ts';
import type { KindMeta } from './kind-meta.ts';

/** The kind's letter badge, where there is no avatar. Decorative: the group label names the kind. */
export function KindBadge({ meta }: { meta: KindMeta }) {
  return (
    <span class="avatar badge" style={{ background: `hsl(${meta.hue} 50% 30%)` }} aria-hidden="true">
      {meta.letter}
    </span>
  );
}

/** Two-line row body: a title and a muted detail line. */
export function RowText({ title, detail }: { title: ComponentChildren; detail?: ComponentChildren }) {
  return (
    <span class="row-text">
      <span class="row-title ellipsis">{title}</span>
      {detail && <span class="row-detail ellipsis muted">{detail}</span>}
    </span>
  );
}

/** The first line of a keyed entity's row (issue, review): its key, then its title. */
export function keyedTitle(entity: { key: string; title: string }) {
  return <><Text value={entity.key} class="mono" /> <Text value={entity.title} /></>;
}

/** Joins present parts with a middle dot; empty parts are dropped. */
export function Joined({ parts }: { parts: ComponentChildren[] }) {
  const present = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  return <>{present.map((p, i) => <Fragment key={i}>{i > 0 && ' · '}{p}</Fragment>)}</>;
}

/**
 * A person named inside another entity (assignee, author, lead): their name, else `@username`, else a muted
 * "someone" — the token may not read the fields of a nested profile (Space's inline `$errors`, brief §1).
 */
export function PersonRefName({ person }: { person: PersonRef }) {
  if (displayText(person.name) !== '') return <Text value={person.name} />;
  if (displayText(person.username) !== '') return <Text value={`@${person.username}`} />;
  return <span class="muted">{t('ref_someone')}</span>;
}
