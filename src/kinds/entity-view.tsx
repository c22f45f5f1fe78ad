/** Rendering any entity's row through its own kind's view. */
import type { VNode } from 'preact';
import type { Entity } from '../space/types.ts';
import { VIEWS } from './view-registry.ts';

// TypeScript cannot correlate `entity.kind` with `VIEWS[entity.kind]` across the union, so the one
// unchecked step lives here: the view is always looked up by the entity's own kind.
type AnyRow = (props: { entity: Entity; avatar?: string | null }) => VNode | null;

export function EntityRow({ entity, avatar }: { entity: Entity; avatar?: string | null }) {
  const Row = VIEWS[entity.kind].Row as unknown as AnyRow;
  return <Row entity={entity} avatar={avatar ?? null} />;
}
