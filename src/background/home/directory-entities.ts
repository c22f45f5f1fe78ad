import type { EntityKind } from '../../shared/kinds.ts';
import { openConnection } from '../active-connection.ts';
import { directoryFor, isDirectoryKind } from '../directory/directory.ts';
import type { Deps } from '../platform.ts';
import type { MoreEntities } from './find.ts';

/**
 * The local directory's entities (issue 16) for `findHeld`: a person or project the popup or the address bar painted
 * from the copy is in no cache entry, and the last view is written only once the whole search is done. Nothing when
 * the connection can't be opened (no host access…) or there is no copy.
 */
export function directoryEntities(deps: Deps): MoreEntities {
  return async (kind: EntityKind | null) => {
    if (kind !== null && !isDirectoryKind(kind)) return [];
    const copy = await directoryFor(deps, await openConnection(deps));
    const rows = kind === null ? Object.values(copy?.rows ?? {}).flat() : copy?.rows[kind] ?? [];
    return rows.map((row) => row.e);
  };
}
