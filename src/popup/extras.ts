/**
 * Everything the popup does not need for its first frame — cards (with the day-bar maths), error texts, what a
 * finished search says beyond its rows, the not-configured panel — in one chunk, imported right after that
 * frame. It is there long
 * before anyone reads a card, and the first paint carries only the search box and rows.
 */
import './extras.css';

export { CardPane } from './components/CardPane.tsx';
export { GroupNotes } from './components/GroupNotes.tsx';
export { NotConfigured } from './components/NotConfigured.tsx';
export { PageError } from './components/PageError.tsx';
export { SearchFailure } from './components/SearchFailure.tsx';
export { KeyHints } from './components/KeyHints.tsx';
export { valueToCopy } from './copy-value.ts';
export { watchPendingQuery } from './pending-query.ts';
export { groupNotes, searchFailure, statusSummary } from './search-outcome.ts';
