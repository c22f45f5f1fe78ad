/**
 * The one rule a query's text alone decides: `@` = people only. Apart from query.ts so the popup can ask without
 * loading the query parser: it tests the box as typed, the worker its parsed query, and both agree.
 */
import type { Filter } from './kinds.ts';

/** C0/C1 controls, bidi overrides/isolates and zero-width characters: never meaningful in a search (a class body). */
export const INVISIBLE_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff';

/** The first character that is neither blank nor invisible is `@` (so the sanitized query starts with `@`). */
const PEOPLE_ONLY = new RegExp(`^[\\s${INVISIBLE_CHARACTERS}]*@`);

/** `@jo` searches people only. True for the box as typed exactly when true for the query it becomes. */
export const isPeopleOnly = (query: string): boolean => PEOPLE_ONLY.test(query);

/**
 * The filter a query runs with: a people-only query (`@jo`) searches people whatever chip is selected (the `@`
 * is the more explicit choice), and the People chip shows it. The one place that rule lives: the popup asks
 * with the box's text as typed, the worker with the parsed query (`ParsedQuery.peopleOnly`).
 */
export function effectiveFilter(query: string | { peopleOnly: boolean }, chosen: Filter): Filter {
  const peopleOnly = typeof query === 'string' ? isPeopleOnly(query) : query.peopleOnly;
  return peopleOnly ? 'person' : chosen;
}
