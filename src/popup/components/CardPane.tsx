/** Loaded on demand (dynamic import) with every kind's card: the first frame needs only rows. */
import { useMemo } from 'preact/hooks';
import { EntityCard } from '../../kinds/card-registry.tsx';
import type { CardEnv } from '../../kinds/kind-view.ts';
import { errorText } from '../../shared/error-text.ts';
import type { PinnedEntry } from '../../shared/home.ts';
import { t } from '../../shared/i18n.ts';
import type { Entity } from '../../shared/kinds.ts';
import { displayText } from '../../shared/ui/text.ts';
import { Text } from '../../shared/ui/Text.tsx';
import { useNow } from '../../shared/ui/use-now.ts';
import type { CopyWhat } from '../copy-value.ts';
import { useDetails } from '../use-details.ts';
import { Safe } from './ResultList.tsx';

export interface CardPaneProps {
  /** The active result; its details are fetched (debounced, cached) here. */
  entity: Entity;
  host: string | null;
  copy: CardEnv['copy'];
  onOpen(entity: Entity, background: boolean): void;
  /** Copies the active result's link (Alt+C) or a Markdown link to it (Alt+M), checked against the configured origin. */
  onCopy(what: CopyWhat): void;
  /** The Pinned list: the pin button unpins what is in it. */
  pins: readonly PinnedEntry[];
  /** Pins or unpins it (Alt+P). */
  onPin(): void;
}

/** Local times on the card move on while it stays open. */
const CLOCK_MS = 30_000;

/** The active result's card, below the list: the popup never navigates away to show details. */
export function CardPane({ entity: active, host, copy, onOpen, onCopy, pins, onPin }: CardPaneProps) {
  const pinned = pins.some((p) => p.entity.kind === active.kind && p.entity.id === active.id);
  const data = useDetails(active);
  const now = useNow(CLOCK_MS);
  // Only cards need the viewer's zone: worked out here, after the popup's first frame.
  const viewerZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const { entity } = data;
  return (
    <section class="card" data-testid="card" data-kind={entity.kind} aria-label={t('card_label', displayText(entity.title, 80))} aria-busy={data.loading}>
      {/* A stored entity of an older shape (Recent, Pinned) may lack what its card reads: its title, then the actions. */}
      <Safe fallback={<p class="card-title"><Text value={entity.title} /></p>}>
        <EntityCard entity={entity} env={{ now, viewerZone, copy, avatar: data.avatar }} />
      </Safe>
      {data.error && (
        <p class="card-note muted">{t('card_detailsFailed', errorText(data.error, { where: 'popup', host }).title)}</p>
      )}
      <div class="card-actions">
        <button type="button" class="primary" onClick={(e) => onOpen(entity, e.ctrlKey || e.metaKey)}>{t('card_open')}</button>
        <button type="button" onClick={() => onCopy('link')} title="Alt+C">{t('card_copyLink')}</button>
        <button type="button" onClick={() => onCopy('markdown')} title="Alt+M">{t('card_copyMarkdown')}</button>
        <button type="button" onClick={onPin} title="Alt+P" data-testid="pin">{t(pinned ? 'card_unpin' : 'card_pin')}</button>
        {data.loading && <span class="muted">{t('card_loading')}</span>}
      </div>
    </section>
  );
}
