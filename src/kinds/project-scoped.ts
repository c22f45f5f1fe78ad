/**
 * Issues and reviews live inside projects and Space has no global text search for them, so a text search
 * asks each project in scope and merges. Keys need none of this: they resolve in any project.
 */
import { isSpaceError } from '../space/errors.ts';
import type { ParsedQuery } from '../shared/query.ts';

/**
 * For a query that is only a project key (`ABC`, `ABC-`, `ABC-T-`), the text is no help: list that project's
 * latest items instead. Otherwise the query text as typed.
 */
export function projectScopedText(query: ParsedQuery): { text: string; projectOnly: string | null } {
  const hint = query.projectKeyHint;
  if (hint !== undefined) {
    const bare = query.text.replace(/^#/, '').toUpperCase().replace(/-(?:(?:T|MR|CR)-?)?$/, '');
    if (bare === hint) return { text: '', projectOnly: hint };
  }
  return { text: query.text, projectOnly: null };
}

/**
 * Runs `searchOne` for every project at once and merges round-robin (each project's own order kept, the
 * first project — the hinted one — first), capped at `top`. A project that no longer exists is skipped; if
 * every project fails, the first real error is thrown so the group can show it.
 */
export async function searchAcrossProjects<T extends { id: string }>(
  projects: readonly string[],
  top: number,
  searchOne: (projectKey: string) => Promise<T[]>,
): Promise<T[]> {
  if (projects.length === 0) return [];
  const settled = await Promise.allSettled(projects.map((key) => searchOne(key)));
  const lists: T[][] = [];
  let firstError: unknown = null;
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') lists.push(outcome.value);
    else if (isSpaceError(outcome.reason) && outcome.reason.code === 'not-found') lists.push([]);
    else firstError ??= outcome.reason;
  }
  if (firstError !== null && (lists.length === 0 || isCancellation(firstError))) throw firstError;

  const merged: T[] = [];
  const seen = new Set<string>();
  for (let i = 0; merged.length < top && lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item === undefined || seen.has(item.id)) continue;
      seen.add(item.id);
      merged.push(item);
      if (merged.length === top) break;
    }
  }
  return merged;
}

function isCancellation(e: unknown): boolean {
  return isSpaceError(e) && e.code === 'cancelled';
}

/** A key that names nothing is an empty result, not an error: the user may still be typing. */
export async function orEmptyIfNotFound<T>(pending: Promise<T>): Promise<T[]> {
  try {
    return [await pending];
  } catch (e) {
    if (isSpaceError(e) && e.code === 'not-found') return [];
    throw e;
  }
}
