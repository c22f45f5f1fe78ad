/**
 * The popup's active-result side of every kind of ALL_KINDS (src/shared/kinds.ts): card, Alt+K value, details id —
 * `card` of each folder's card.tsx, found by folder (`byKind`, shared/kinds.ts), so adding a kind writes no line here. Loaded by the popup
 * with a dynamic import after its first paint, so the rows-only first frame stays small; a card is needed only
 * once a result is active. Adding a kind: docs/adding-a-kind.md.
 */
import type { VNode } from 'preact';
import { byKind, type Entity, type EntityKind } from '../shared/kinds.ts';
import { HiddenByPermissions, UnreadableFields } from './card-parts.tsx';
import type { CardEnv, KindCard } from './kind-view.ts';

export const CARDS: { readonly [K in EntityKind]: KindCard<K> } = byKind(
  import.meta.glob('./*/card.tsx', { eager: true, import: 'card' }), 'card.tsx',
) as { readonly [K in EntityKind]: KindCard<K> };

// TypeScript cannot correlate `entity.kind` with `CARDS[entity.kind]` across the union, so the unchecked step
// lives here, once: an entity's pieces are always looked up by its own kind.
type AnyCard = Omit<KindCard, 'Card' | 'copyKey' | 'detailsId'> & {
  Card(props: { entity: Entity; env: CardEnv }): VNode | null;
  copyKey(entity: Entity): string | null;
  detailsId(entity: Entity): string | null;
};
const cardOf = (entity: Entity) => CARDS[entity.kind] as unknown as AnyCard;

/** Alt+K: the key, username or name of any entity. */
export const copyKeyOf = (entity: Entity): string | null => cardOf(entity).copyKey(entity);

/** The `id` a `{type: 'details', kind, id}` request carries for an entity; null when its row is the whole card. */
export const detailsIdOf = (entity: Entity): string | null => cardOf(entity).detailsId(entity);

/**
 * The card of any entity, rendered by its own kind's card, and under it the one line every card has when the
 * token's permissions withheld some of its fields, and one when Space sent some in a shape that could not be read.
 */
export function EntityCard({ entity, env }: { entity: Entity; env: CardEnv }) {
  const { Card } = cardOf(entity);
  return (
    <>
      <Card entity={entity} env={env} />
      <HiddenByPermissions hidden={entity.hidden} />
      <UnreadableFields unreadable={entity.unreadable} />
    </>
  );
}
