/** Building blocks of the kinds' cards (loaded with the card, after the popup's first paint). */
import { Fragment, type ComponentChildren } from 'preact';
import { t, type MessageKey } from '../shared/i18n.ts';
import { Text } from '../shared/ui/Text.tsx';
import { displayText } from '../shared/ui/text.ts';
import type { EntityBase, PersonRef } from '../space/types.ts';
import type { KindMeta } from './kind-meta.ts';
import { Joined, KindBadge, PersonRefName } from './row-parts.tsx';

export function Fields({ children }: { children: ComponentChildren }) {
  return <dl class="fields">{children}</dl>;
}

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface CopyButtonProps {
  value: string;
  /** Names what is copied, for the accessible name ("Copy e-mail") and the confirmation. */
  what: string;
  copy(text: string, what: string): void;
}

export function CopyButton({ value, what, copy }: CopyButtonProps) {
  return (
    <button type="button" class="copy" aria-label={t('card_copy', what)} title={t('card_copy', what)} onClick={() => copy(value, what)}>
      {t('card_copyShort')}
    </button>
  );
}

/** A capped list of Space names: the first few, then "+N more". */
export function NameList({ names, max = 3 }: { names: readonly string[]; max?: number }) {
  if (names.length === 0) return <span class="muted">{t('card_none')}</span>;
  const shown = names.slice(0, max);
  return (
    <>
      {shown.map((n, i) => <Fragment key={i}>{i > 0 && ', '}<Text value={n} /></Fragment>)}
      {names.length > max && <span class="muted"> {t('card_more', String(names.length - max))}</span>}
    </>
  );
}

interface CardHeadProps {
  meta: KindMeta;
  title: string;
  /** A line under the title (key, parent…). */
  sub?: ComponentChildren;
}

export function CardHead({ meta, title, sub }: CardHeadProps) {
  return (
    <div class="card-head">
      <KindBadge meta={meta} />
      <div class="card-head-text">
        <h2 class="card-title"><Text value={title} /></h2>
        {sub && <p class="card-sub">{sub}</p>}
      </div>
    </div>
  );
}

/** A value from Space, or a muted "None". */
export function Value({ value, fallback }: { value: string | null | undefined; fallback?: string }) {
  return value ? <Text value={value} /> : <span class="muted">{fallback ?? t('card_none')}</span>;
}

/** Space key with its copy button (project, issue and review keys). */
export function KeyWithCopy({ value, copy }: { value: string; copy(text: string, what: string): void }) {
  return (
    <>
      <Text value={value} class="mono" />
      <CopyButton value={value} what={t('card_key')} copy={copy} />
    </>
  );
}

/** True when Space withheld `field` of this entity for lack of permission (brief §2). */
export const isHidden = (entity: Pick<EntityBase, 'hidden'>, field: string): boolean => entity.hidden?.includes(field) ?? false;

interface PersonRefValueProps {
  person: PersonRef | null;
  /** The whole reference was withheld: say "hidden", not "nobody". */
  hidden: boolean;
  /** What no person means here ("Unassigned"); default "None". */
  fallback?: string;
}

/** Assignee, author, lead in a card: the name with `@username` beside it, as much of it as the token may see. */
export function PersonRefValue({ person, hidden, fallback }: PersonRefValueProps) {
  if (!person) return <Value value={null} fallback={hidden ? t('card_hidden') : fallback} />;
  const named = displayText(person.name) !== '';
  const username = displayText(person.username) !== '' ? person.username : null;
  if (named && username) return <Joined parts={[<Text value={person.name} />, <Text value={`@${username}`} class="muted" />]} />;
  return <PersonRefName person={person} />;
}

/** Readable names of the entity fields Space may withhold; an unknown name is shown as Space sent it. */
const HIDDEN_FIELD_LABELS: Record<string, MessageKey> = {
  assignee: 'hidden_assignee',
  author: 'hidden_author',
  lead: 'hidden_lead',
  members: 'hidden_members',
  memberCount: 'hidden_members',
  emails: 'hidden_emails',
  phones: 'hidden_phones',
  positions: 'hidden_positions',
  teams: 'hidden_teams',
  locations: 'hidden_locations',
  workingHours: 'hidden_workingHours',
  absence: 'hidden_absence',
  timeZone: 'hidden_timeZone',
};

/** A field without its own label reads as words ("lastMessageTime" → "last message time"), never as code. */
const hiddenFieldLabel = (field: string) =>
  Object.hasOwn(HIDDEN_FIELD_LABELS, field)
    ? t(HIDDEN_FIELD_LABELS[field]!)
    : displayText(field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(), 40);

/**
 * One muted line under a card whose optional details came in a shape the client could not read (`unreadable`, a
 * date as plain text…): they show as unknown, and this says why, so it is not read as "none". Not a permission
 * matter, so not in the hidden line.
 */
export function UnreadableFields({ unreadable }: { unreadable: readonly string[] | undefined }) {
  const fields = [...new Set(unreadable ?? [])].filter((f) => typeof f === 'string' && f !== '');
  if (fields.length === 0) return null;
  return <p class="card-note muted" data-testid="unreadable-fields">{t('unreadable_line', fields.map(hiddenFieldLabel).join(', '))}</p>;
}

/**
 * One muted line under every card: what the token's permissions kept from it. Absence information has its own
 * permission, "View absences" (`Profile.Absences.View`, the spec's `x-rights` on `GET /absences`, space-api.md
 * §12 [C]), which older tokens lack: named, so the user knows what to add.
 */
export function HiddenByPermissions({ hidden }: { hidden: readonly string[] | undefined }) {
  const fields = [...new Set(hidden ?? [])].filter((f) => typeof f === 'string' && f !== '');
  if (fields.length === 0) return null;
  return (
    <p class="card-note muted" data-testid="hidden-fields">
      {t('hidden_line', fields.map(hiddenFieldLabel).join(', '))}
      {fields.includes('absence') && <> <span data-testid="absence-hidden">{t('hidden_absenceNeeds')}</span></>}
    </p>
  );
}
