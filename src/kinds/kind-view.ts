import type { ComponentChildren, FunctionComponent } from 'preact';
import type { EntityOf } from '../space/types.ts';
import type { EntityKind } from '../shared/kinds.ts';
import type { KindMeta } from './kind-meta.ts';

/** What a card may use from the popup around it. */
export interface CardEnv {
  now: number;
  viewerZone: string;
  /** Avatar image data (`data:image/…`) for this entity, once the worker has fetched it. */
  avatar: string | null;
  /** Copies `text`; `what` names it for the confirmation ("e-mail", "key"). */
  copy(text: string, what: string): void;
}

export interface CardProps<K extends EntityKind> {
  entity: EntityOf<K>;
  env: CardEnv;
}

/**
 * The popup's first-paint side of one kind (`view.tsx`): its label and badge, and what its row in the results says.
 * Every row has the same shape (view-registry.tsx renders it): the kind's letter badge, the title, and one muted
 * line of details joined with " · ".
 */
export interface KindView<K extends EntityKind = EntityKind> {
  meta: KindMeta<K>;
  /** The first line; the entity's title, as text, when absent. */
  title?(entity: EntityOf<K>): ComponentChildren;
  /** The second line's parts (text or a chip), in order; `null`, `undefined`, `false` and `''` are dropped. */
  detail(entity: EntityOf<K>): ComponentChildren[];
  /** What leads the row in place of the letter badge (a person's avatar, once the worker has fetched it). */
  lead?(entity: EntityOf<K>, avatar: string | null): ComponentChildren;
}

/**
 * The popup's active-result side of one kind (`card.tsx`), loaded after the first paint with every card: the card,
 * what Alt+K copies, and the id its details are asked for by.
 */
export interface KindCard<K extends EntityKind = EntityKind> {
  Card: FunctionComponent<CardProps<K>>;
  /** Key, username or name: the identifier a user pastes elsewhere (Alt+K). */
  copyKey(entity: EntityOf<K>): string | null;
  /**
   * What `{type: 'details', kind, id}` carries; the kind's `details(id)` (search.ts) decodes it. Null when the
   * search row is already the whole card (chat channels, code matches): the popup asks for no details.
   */
  detailsId(entity: EntityOf<K>): string | null;
}
