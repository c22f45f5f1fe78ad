/** The popup side of every kind, in one place. Adding a kind here is what makes the popup show it. */
import type { Entity, EntityKind } from '../space/types.ts';
import type { KindView } from './kind-view.ts';
import { issueView } from './issue/view.tsx';
import { locationView } from './location/view.tsx';
import { personView } from './person/view.tsx';
import { projectView } from './project/view.tsx';
import { repositoryView } from './repository/view.tsx';
import { reviewView } from './review/view.tsx';
import { teamView } from './team/view.tsx';

export const VIEWS: { readonly [K in EntityKind]: KindView<K> } = {
  person: personView,
  team: teamView,
  location: locationView,
  project: projectView,
  issue: issueView,
  repository: repositoryView,
  review: reviewView,
};

/** Typed access that keeps the kind/entity pairing: `viewOf(e.kind)` renders `e`. */
export function viewOf<K extends EntityKind>(kind: K): KindView<K> {
  return VIEWS[kind] as KindView<K>;
}

/** Alt+K: the key, username or name of any entity. */
export function copyKeyOf(entity: Entity): string | null {
  return (VIEWS[entity.kind].copyKey as (e: Entity) => string | null)(entity);
}
