import type { FunctionComponent } from 'preact';
import type { EntityKind, EntityOf } from '../space/types.ts';
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

export interface RowProps<K extends EntityKind> {
  entity: EntityOf<K>;
  avatar?: string | null;
}

export interface CardProps<K extends EntityKind> {
  entity: EntityOf<K>;
  env: CardEnv;
}

/**
 * The list side of one kind: its row in the results and what Alt+K copies. Its card lives next to it in
 * `card.tsx`, loaded on demand so the popup's first paint carries only rows.
 */
export interface KindView<K extends EntityKind = EntityKind> {
  meta: KindMeta<K>;
  Row: FunctionComponent<RowProps<K>>;
  /** Key, username or name: the identifier a user pastes elsewhere. */
  copyKey(entity: EntityOf<K>): string | null;
}

export type KindCard<K extends EntityKind = EntityKind> = FunctionComponent<CardProps<K>>;
