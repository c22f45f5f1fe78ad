/** Rendering any entity through its own kind's view. */
import type { VNode } from 'preact';
import type { Entity } from '../space/types.ts';
import type { CardEnv } from './kind-view.ts';
import { VIEWS } from './view-registry.ts';

// TypeScript cannot correlate `entity.kind` with `VIEWS[entity.kind]` across the union, so the one
// unchecked step lives here: the view is always looked up by the entity's own kind.
type AnyRow = (props: { entity: Entity; avatar?: string | null }) => VNode | null;
type AnyCard = (props: { entity: Entity; env: CardEnv }) => VNode | null;

/** The row of any entity, rendered by its own kind's view. */
export function EntityRow({ entity, avatar }: { entity: Entity; avatar?: string | null }) {
  const Row = VIEWS[entity.kind].Row as unknown as AnyRow;
  return <Row entity={entity} avatar={avatar ?? null} />;
}

/** The card of any entity, rendered by its own kind's view. */
export function EntityCard({ entity, env }: { entity: Entity; env: CardEnv }) {
  const Card = VIEWS[entity.kind].Card as unknown as AnyCard;
  return <Card entity={entity} env={env} />;
}
