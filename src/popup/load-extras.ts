import type * as Extras from './extras.ts';

let extrasLoading: Promise<typeof Extras> | undefined;
/**
 * The non-first-frame parts (see extras.ts), loaded once: one promise, so what waits on it runs in the order it
 * asked (use-lookup.ts applies the port's answers that way).
 */
export const loadExtras = (): Promise<typeof Extras> => (extrasLoading ??= import('./extras.ts'));
