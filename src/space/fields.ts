/**
 * `$fields` selections (space-api.md §3): `id,name(firstName,lastName)`.
 * Every call sends one so payloads stay small and shapes stay stable across server versions;
 * without it Space returns "all top-level properties", whose nested expansion rules are unknown.
 *
 * Selections are plain string constants next to the mapper that reads them, written exactly as they go on
 * the wire. (A builder of quoted name lists used to make them at worker start; literals spare the worker
 * bundle that code and the quoting, ~0.4 kB gzip.) `fields.test.ts` checks the syntax of every one.
 */

/** A Batch selection: `next,totalCount,data(<inner>)`. */
export function batchFields(inner: string): string {
  return `next,totalCount,data(${inner})`;
}
