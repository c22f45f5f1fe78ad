/** Building blocks of the kinds' cards (loaded with the card, after the popup's first paint). */
import { Fragment, type ComponentChildren } from 'preact';
import { t } from '../shared/i18n.ts';
import { Text } from '../shared/ui/Text.tsx';
import type { KindMeta } from './kind-meta.ts';
import { KindBadge } from './row-parts.tsx';

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
