/**
 * Space permission codes the extension needs, with the names Space's UI shows for them
 * (NET `PermissionIdentifier`, space-api.md §6), and the extraction of a permission from a 403 body.
 */
import type { RequiredPermission } from './required-permissions.ts';

/** The names Space's UI shows; a Record over REQUIRED_PERMISSIONS, so a permission added there without its name is a compile error. */
const PERMISSION_NAMES: Readonly<Record<RequiredPermission, string>> = {
  'Profile.View': 'View member profiles',
  'Profile.WorkingDays.View': 'View working hours',
  'Profile.Locations.View': 'View member locations',
  'Profile.Absences.View': 'View absences',
  'Locations.View': 'View locations',
  'Team.View': 'View teams',
  'Project.View': 'View project details',
  'Project.Issues.View': 'View issues',
  'Project.CodeReview.View': 'View code reviews',
  'VcsRepository.Read': 'Read Git repositories',
  'Channel.ViewChannel': 'View channel info',
  'Article.View': 'View articles',
};

/** A dotted Space permission code such as `Project.Issues.View`. */
const PERMISSION_CODE = /\b([A-Z][A-Za-z]{1,40}(?:\.[A-Z][A-Za-z]{1,40}){1,4})\b/;
/** A quoted UI name such as 'View issues' or “View issues”. */
const QUOTED_NAME = /["'“‘]([A-Z][A-Za-z]*(?: [A-Za-z]+){0,6})["'”’]/;

/**
 * The permission a 403 `error_description` names, if any. Only text matching the strict shapes
 * above is taken, and never anything overlapping the token, because a body can echo the request.
 * (The description's wording is unknown [U]; both shapes are guesses covering the likely forms.)
 */
export function permissionFromDescription(description: string | null, token: string): string | undefined {
  if (!description) return undefined;
  const text = description.slice(0, 1000);
  const found = PERMISSION_CODE.exec(text)?.[1] ?? QUOTED_NAME.exec(text)?.[1];
  if (found === undefined) return undefined;
  if (token !== '' && (found.includes(token) || token.includes(found))) return undefined;
  return found;
}

/** "“View issues” (Project.Issues.View)" for a known code, the text as given otherwise. */
export function describePermission(permission: string): string {
  const name = Object.hasOwn(PERMISSION_NAMES, permission) ? PERMISSION_NAMES[permission as RequiredPermission] : undefined;
  if (name !== undefined) return `“${name}” (${permission})`;
  const code = Object.entries(PERMISSION_NAMES).find(([, ui]) => ui.toLowerCase() === permission.toLowerCase())?.[0];
  return code === undefined ? `“${permission}”` : `“${permission}” (${code})`;
}
