/**
 * Card data fetched during this popup's life (it closes often, so memory is the right lifetime):
 * moving back to a result shows its full card at once, and avatars fetched for a card also appear in rows.
 */
import type { Entity } from '../shared/protocol.ts';

export const details = new Map<string, Entity>();
/** Avatar data URL by attachment id; null = fetched and unavailable (initials). */
export const avatars = new Map<string, string | null>();

/** Ids are unique within a kind. */
export const detailsKey = (e: Entity) => `${e.kind}:${e.id}`;

/** The fullest version of an entity we have: its details if fetched, else the search result. */
export function fullest(entity: Entity): Entity {
  return details.get(detailsKey(entity)) ?? entity;
}

export function cachedAvatar(avatarId: string | null | undefined): string | null {
  return avatarId ? avatars.get(avatarId) ?? null : null;
}
