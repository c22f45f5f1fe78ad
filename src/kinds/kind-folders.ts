/**
 * Builds a registry from the kinds' folders: `modules` is an eager `import.meta.glob` of one file of every folder
 * (`./*\/search.ts`), and the piece of kind `k` is that file's export named `<k><Piece>` (`teamSearch`, the names
 * `npm run new-kind` writes). One entry per kind of ALL_KINDS, in its order: a listed kind whose folder lacks the
 * file or the export fails here, at once, by name (registry.test.ts checks every kind, and every folder is listed).
 *
 * Only Vite (the build, vitest, `scripts/lib/vite-run.mjs`) resolves `import.meta.glob`: a script run by tsx must not
 * import a registry.
 */
import { ALL_KINDS, type EntityKind } from '../shared/kinds.ts';

export function fromKindFolders<T>(modules: Record<string, Record<string, unknown>>, file: string, piece: string): Record<EntityKind, T> {
  const registry: Partial<Record<EntityKind, T>> = {};
  for (const kind of ALL_KINDS) {
    const name = `${kind}${piece}`;
    const value = modules[`./${kind}/${file}`]?.[name];
    if (value === undefined) throw new Error(`src/kinds/${kind}/${file} exports no \`${name}\` (docs/adding-a-kind.md)`);
    registry[kind] = value as T;
  }
  return registry as Record<EntityKind, T>;
}
