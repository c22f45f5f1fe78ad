/**
 * Which stored entity a `details` request is about. The request names the item by the details id its kind's card
 * hands out (`detailsId` in src/kinds/<kind>/card.tsx: a key, a username, an id, `project/name`), and the card
 * registry belongs to the pages (it pulls in the UI). Every details id is one of the entity's own identifying
 * fields, so comparing those is enough; details-id.test.ts holds it to every kind's card.
 */
import type { Entity } from '../../shared/kinds.ts';

export function answersTo(entity: Entity, kind: string, detailsId: string): boolean {
  if (entity.kind !== kind) return false;
  const fields = entity as unknown as Record<string, unknown>;
  const repository = entity.kind === 'repository' ? `${entity.projectKey}/${entity.name}` : null;
  return entity.id === detailsId || fields.key === detailsId || fields.username === detailsId || repository === detailsId;
}
