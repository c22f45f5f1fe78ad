import type { Entity } from './protocol.ts';

/**
 * The `id` a `{type:'details', kind, id}` request carries for an entity: whatever Space's single-item
 * endpoint for that kind takes. People are looked up by username, projects by key, issues and reviews by
 * their key (any project), repositories by `PROJECT/name`, teams and locations by id.
 */
export function detailsIdOf(entity: Entity): string {
  switch (entity.kind) {
    case 'person': return entity.username;
    case 'project': return entity.key;
    case 'issue': return entity.key;
    case 'review': return entity.key;
    case 'repository': return `${entity.projectKey}/${entity.name}`;
    case 'team': return entity.id;
    case 'location': return entity.id;
  }
}
