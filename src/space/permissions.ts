/**
 * The permission a 403 body names. (The names Space's UI shows for the codes the extension needs are in
 * messages.json, `perm_<code>`: the Options page lists them, and the tests' English reads them there.)
 */
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
