/**
 * The scope "Sign in with Space" asks for: exactly the read permissions the extension uses
 * (required-permissions.ts), each in the global context — Space's scope syntax `<context>:<permission>`
 * (space-api.md §6 [C]; UNF asks `global:Project.Issues.View` the same way [C]). Never `**`.
 * Its own small module so the options page can list it without loading the OAuth client.
 */
import { REQUIRED_PERMISSIONS } from '../required-permissions.ts';

export const OAUTH_SCOPE_ELEMENTS: readonly string[] = REQUIRED_PERMISSIONS.map((permission) => `global:${permission}`);

/** Space-separated, as `/oauth/auth` takes it. */
export const OAUTH_SCOPE: string = OAUTH_SCOPE_ELEMENTS.join(' ');
