/** Loaded on demand (dynamic import) with every kind's card: the first frame needs only rows. */
import { EntityCard } from '../../kinds/card-registry.tsx';
import type { CardEnv } from '../../kinds/kind-view.ts';
import { errorText } from '../../shared/error-text.ts';
import { t } from '../../shared/i18n.ts';
import type { Entity } from '../../shared/protocol.ts';
import { displayText } from '../../shared/ui/text.ts';
import { useDetails } from '../use-details.ts';

export interface CardPaneProps {
  /** The active result; its details are fetched (debounced, cached) here. */
  entity: Entity;
  env: Omit<CardEnv, 'avatar'>;
  host: string | null;
  onOpen(entity: Entity, background: boolean): void;
}

/** The active result's card, below the list: the popup never navigates away to show details. */
export function CardPane({ entity: active, env, host, onOpen }: CardPaneProps) {
  const data = useDetails(active);
  const { entity } = data;
  return (
    <section class="card" data-testid="card" data-kind={entity.kind} aria-label={t('card_label', displayText(entity.title, 80))} aria-busy={data.loading}>
      <EntityCard entity={entity} env={{ ...env, avatar: data.avatar }} />
      {data.error && (
        <p class="card-note muted">{t('card_detailsFailed', errorText(data.error, { where: 'popup', host }).title)}</p>
      )}
      <div class="card-actions">
        <button type="button" class="primary" onClick={(e) => onOpen(entity, e.ctrlKey || e.metaKey)}>{t('card_open')}</button>
        <button type="button" onClick={() => env.copy(entity.webUrl, t('hint_copyLink'))}>{t('card_copyLink')}</button>
        {data.loading && <span class="muted">{t('card_loading')}</span>}
      </div>
    </section>
  );
}
