import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/**
 * A document's page, `/p/{key}/documents/{folder}/a/{alias}` [I]: every public link seen has this shape (JetBrains'
 * own `jetbrains.team/p/wm/documents/Development/a/Workspace-model-custom-entities-creation`, third-party ones), with
 * the document's `alias` as the last segment. What the folder segment is [U] — the document's own folder's name (what
 * is built here), its top-level folder's, or a slug — and how Space writes a name with spaces [U]: every sighting is one
 * word. Nobody has seen the link of a document at the project's top level [U].
 *
 * So the guess is made only where the sightings are: a document in a folder, with an alias. Otherwise (top level,
 * folder or alias withheld or empty) the project's Documents page, `/p/{key}/documents` — the prefix of every sighting,
 * and where Space's help sends you ("On the project sidebar, choose Documents") — which always opens, if not the
 * document. Built from the key, names and alias through `seg`, never from the answer's `redirectUrl`: a hostile alias
 * (`..`, `javascript:`) stays one segment on the configured origin. Settled by copying a nested document's link and a
 * top-level document's link from a real Space (docs/space-behaviour.md).
 */
export function documentUrl(origin: string, projectKey: string, at?: { folderName: string; alias: string } | null): string {
  const documents = `/p/${seg(projectKey)}/documents`;
  if (!at || at.folderName === '' || at.alias === '' || isDotSegment(at.folderName) || isDotSegment(at.alias)) return webUrl(origin, documents);
  return webUrl(origin, `${documents}/${seg(at.folderName)}/a/${seg(at.alias)}`);
}

/** `.` and `..` stay themselves through encoding and URL parsing would collapse them: the page would be another. */
const isDotSegment = (text: string) => text === '.' || text === '..';
