/**
 * What Options shows for a saved connection — its card, Forget for what remains, the project scope, the toolbar
 * count, the local directory — and the
 * words after Forget. One chunk, imported once the worker says a connection exists (see App.tsx).
 */
export { ConnectionCard } from './components/ConnectionCard.tsx';
export { ForgetRemains } from './components/ForgetRemains.tsx';
export { LocalDirectory } from './components/LocalDirectory.tsx';
export { ProjectScope } from './components/ProjectScope.tsx';
export { WaitingCount } from './components/WaitingCount.tsx';
export { forgetOutcome } from './forget-outcome.ts';
