/**
 * Every kind's card, in one place. Loaded by the popup with a dynamic import after its first paint,
 * so the rows-only first frame stays small; a card is needed only once a result is active.
 */
import type { VNode } from 'preact';
import type { Entity, EntityKind } from '../space/types.ts';
import { HiddenByPermissions } from './card-parts.tsx';
import type { CardEnv, KindCard } from './kind-view.ts';
import { IssueCard } from './issue/card.tsx';
import { LocationCard } from './location/card.tsx';
import { PersonCard } from './person/card.tsx';
import { ProjectCard } from './project/card.tsx';
import { RepositoryCard } from './repository/card.tsx';
import { ReviewCard } from './review/card.tsx';
import { TeamCard } from './team/card.tsx';

export const CARDS: { readonly [K in EntityKind]: KindCard<K> } = {
  person: PersonCard,
  team: TeamCard,
  location: LocationCard,
  project: ProjectCard,
  issue: IssueCard,
  repository: RepositoryCard,
  review: ReviewCard,
};

type AnyCard = (props: { entity: Entity; env: CardEnv }) => VNode | null;

/**
 * The card of any entity, rendered by its own kind's card (the one unchecked step of the union), and under it
 * the one line every card has when the token's permissions withheld some of its fields.
 */
export function EntityCard({ entity, env }: { entity: Entity; env: CardEnv }) {
  const Card = CARDS[entity.kind] as unknown as AnyCard;
  return (
    <>
      <Card entity={entity} env={env} />
      <HiddenByPermissions hidden={entity.hidden} />
    </>
  );
}
