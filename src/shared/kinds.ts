/**
 * The entity kinds the extension shows, once, in display order: the order of the result groups, of the filter
 * chips and of their Alt+digit shortcuts. `EntityKind` is derived from this tuple, and every per-kind registry
 * (src/kinds/search-registry.ts, view-registry.tsx, card-registry.tsx, required-permissions.ts) is built from the
 * kind folders of the kinds listed here, in this order. Adding a kind: docs/adding-a-kind.md.
 *
 * It lives here, not in the Space client: which kinds the extension offers, and in what order, is the
 * extension's choice; the client (src/space) only knows the entities it can map.
 */
import type { EntityOf, EntityTypes } from '../space/types.ts';

export const ALL_KINDS = ['person', 'team', 'location', 'project', 'issue', 'repository', 'review', 'document', 'channel', 'article', 'code'] as const;

export type EntityKind = (typeof ALL_KINDS)[number];

/** An entity of a kind the extension shows (the client may map more while a kind is being added). */
export type Entity = EntityOf<EntityKind>;

/**
 * One item's identity across kinds: the key of its row, of the remembered active option and of the de-duplication
 * of the empty box's lists, in the popup and the worker alike.
 */
export const entityKey = (entity: { kind: string; id: string }): string => `${entity.kind}:${entity.id}`;

/** A filter chip: every kind, or one. */
export type Filter = 'all' | EntityKind;

/**
 * Every entity type the client can map (`EntityTypes`: the profile, and each kind folder's `entity.ts`) must be a
 * kind listed above: a folder not yet in ALL_KINDS fails here, naming the kinds that are missing.
 */
type EveryKindListed<Unlisted extends never> = Unlisted;
export type _EveryClientKindIsListed = EveryKindListed<Exclude<keyof EntityTypes, EntityKind>>;

/**
 * A registry built from the kinds' folders: `modules` is an eager `import.meta.glob` of one export of one file of every
 * folder (`import.meta.glob('./*\/search.ts', { eager: true, import: 'search' })` in src/kinds), and the entry of kind
 * `k` is the one of `./k/<file>`: one per kind listed above, in its order, so adding a kind writes no registry line.
 * A listed kind whose folder lacks the file or the export has `undefined` there: src/kinds/registry.test.ts fails on
 * it, by name, and on a folder nobody listed. Here, beside the list, so that the registries of the popup, the options
 * page and the worker share no chunk of their own.
 *
 * Only Vite (the build, vitest, `scripts/lib/vite-run.mjs`) resolves `import.meta.glob`: a script run by tsx must not
 * import a registry.
 */
export function byKind<T>(modules: Record<string, T>, file: string): Record<EntityKind, T> {
  return Object.fromEntries(ALL_KINDS.map((kind) => [kind, modules[`./${kind}/${file}`]])) as Record<EntityKind, T>;
}
