/**
 * The read permissions the extension uses: each kind's (`src/kinds/<kind>/permissions.ts`, in ALL_KINDS order,
 * once each), so a kind brings its own and nothing else lists them. The token owner (`me`) is a profile: the person
 * kind's "View member profiles" covers it. The Options page lists them with their Space names (messages.json,
 * `perm_<code>`); "Sign in with Space" asks for exactly these.
 */
import { ALL_KINDS, byKind } from '../shared/kinds.ts';

const KIND_PERMISSIONS = byKind(
  import.meta.glob<readonly string[]>('./*/permissions.ts', { eager: true, import: 'permissions' }), 'permissions.ts',
);

export const REQUIRED_PERMISSIONS: readonly string[] = [...new Set(ALL_KINDS.flatMap((kind) => KIND_PERMISSIONS[kind]))];

/**
 * The scope "Sign in with Space" asks for: each permission in the global context — Space's scope syntax
 * `<context>:<permission>` (space-api.md §6 [C]; UNF asks `global:Project.Issues.View` the same way [C]). Never `**`.
 * Space-separated, as `/oauth/auth` takes it.
 */
export const OAUTH_SCOPE: string = REQUIRED_PERMISSIONS.map((permission) => `global:${permission}`).join(' ');
