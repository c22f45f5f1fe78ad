/**
 * Card data fetched during this popup's life (it closes often, so memory is the right lifetime):
 * moving back to a result shows its full card at once, and avatars fetched for a card also appear in rows.
 */
import type { Entity } from '../shared/kinds.ts';
import { entityKey } from '../shared/kinds.ts';

/** Full entities by `entityKey` (ids are unique within a kind). */
export const details = new Map<string, Entity>();
/** Avatar data URL by attachment id; null = fetched and unavailable (initials). */
export const avatars = new Map<string, string | null>();

/** The fullest version of an entity we have: its details if fetched, else the search result. */
export function fullest(entity: Entity): Entity {
  return details.get(entityKey(entity)) ?? entity;
}

/** Only people have avatars. */
export function avatarIdOf(entity: Entity): string | null {
  return entity.kind === 'person' ? entity.avatarId : null;
}

/** The avatar fetched for this entity during this popup's life, if any. */
export function cachedAvatar(entity: Entity): string | null {
  const id = avatarIdOf(entity);
  return id ? avatars.get(id) ?? null : null;
}
