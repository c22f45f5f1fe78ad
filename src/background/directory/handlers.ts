/**
 * The directory's one-shot requests (Options: size, age, "Refresh now").
 * TODO(issue 16): stub until the directory lands this session.
 */
import { DIRECTORY_KINDS, type DirectoryStatus } from '../../shared/directory.ts';
import type { Handler } from '../router.ts';

function emptyStatus(): DirectoryStatus {
  return {
    enabled: false, offByPolicy: false, state: 'empty', bytes: 0, syncedAt: null, storage: 'none',
    counts: Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, 0])) as DirectoryStatus['counts'],
  };
}

export const handleDirectoryStatus: Handler<'directory-status'> = () => Promise.resolve(emptyStatus());
export const handleDirectoryRefresh: Handler<'directory-refresh'> = () => Promise.resolve(emptyStatus());
