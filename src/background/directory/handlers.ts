/** The directory's one-shot requests: Options shows its state, size and age, and offers "Refresh now". */
import type { Handler } from '../router.ts';
import { directoryStatus } from './directory.ts';

export const handleDirectoryStatus: Handler<'directory-status'> = (_request, deps) => directoryStatus(deps);
/** Starts a sync (unless one is running) and answers the status as it is then: 'syncing', with no progress yet. */
export const handleDirectoryRefresh: Handler<'directory-refresh'> = (_request, deps) => directoryStatus(deps, true);
