/**
 * Everything the popup does not need for its first frame — cards (with the day-bar maths), error texts, what a
 * finished search says beyond its rows, the not-configured panel — in one chunk, imported right after that
 * frame. It is there long
 * before anyone reads a card, and the first paint carries only the search box and rows.
 */
import './extras.css';

export { copyAndSay, openEntity } from './actions.ts';
export { CardPane } from './components/CardPane.tsx';
export { GroupNotes } from './components/GroupNotes.tsx';
export { NotConfigured } from './components/NotConfigured.tsx';
export { PageError } from './components/PageError.tsx';
export { SearchFailure } from './components/SearchFailure.tsx';
export { KeyHints } from './components/KeyHints.tsx';
export { HomeNotes } from './components/HomeNotes.tsx';
export type { CopyWhat } from './copy-value.ts';
export type { Deferred } from './popup-commands.ts';
export { openDeferred, popupCommands } from './popup-commands.ts';
export { refreshWaiting } from './home-actions.ts';
export { chipKeys } from './chip-keys.ts';
export { pointerRest } from './pointer-rest.ts';
export { cachedAvatar } from './details-cache.ts';
export { relativeTime } from '../shared/ui/time-format.ts';
export { unreadableText } from './unreadable.ts';
export { watchPendingQuery } from './pending-query.ts';
export { groupNotes, searchFailure, statusSummary } from './search-outcome.ts';
export { messageReceived } from './search-answer.ts';
