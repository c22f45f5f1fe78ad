/**
 * `DocumentFolderItem` → ProjectDocument (OAS: the answer of `GET /projects/{project}/documents/folders/{folder}/search`
 * is a Batch of `DocumentFolderItem`, `DocumentItem {document}` or `FolderItem {folder}` by `className` [C]).
 */
import { batchFields } from '../../space/fields.ts';
import { HiddenFields, PERSON_REF_FIELDS, idAndName, idNameRef, personRef } from '../../space/mappers/common.ts';
import type { Reader } from '../../space/parse.ts';
import type { Batch, PersonRef } from '../../space/types.ts';
import type { ProjectDocument } from './entity.ts';
import { documentUrl } from './web-url.ts';

/**
 * Row and card in one selection (no details request): title, alias (the link), whether archived, last change, the
 * creator (`CPrincipal`: its name, and the member profile when it is one), the folder with its parent's id (none at
 * the top level). Not the body, the highlights or `redirectUrl` (never a link from an answer).
 */
export const DOCUMENT_FIELDS = 'id,title,alias,archived,modified,'
  + `createdBy(name,details(className,user(${PERSON_REF_FIELDS}))),folderRef(id,name,parent(id))`;
/** Search answers: each item's `className` says whether it is a document or a folder. */
export const DOCUMENT_BATCH_FIELDS = batchFields(`className,document(${DOCUMENT_FIELDS})`);

const DOCUMENT_ITEM = 'DocumentFolderItem.DocumentItem';
const FOLDER_ITEM = 'DocumentFolderItem.FolderItem';

/**
 * One item of a search answer: its document, or null for what is left out without counting as unreadable — a folder
 * (Space's search returns folders among the documents and no parameter leaves them out [C]) and an archived document
 * (the search has no `withArchived` [C]; whether archived ones come back is [U]). Without a `className` the item's
 * own key decides. An item whose document can't be read (missing, withheld) is a ShapeError: counted unreadable.
 */
export function mapDocumentItem(item: Reader, origin: string, projectKey: string): ProjectDocument | null {
  const className = item.looseStr('className');
  if (className === FOLDER_ITEM || (className !== DOCUMENT_ITEM && !item.has('document') && item.has('folder'))) return null;
  const document = item.obj('document');
  if (document.optBool('archived', false)) return null;
  return mapDocument(document, origin, projectKey);
}

/** A page of search items → a page of documents (folders and archived documents left out, see mapDocumentItem). */
export function documentsOnly(batch: Batch<ProjectDocument | null>): Batch<ProjectDocument> {
  return { ...batch, items: batch.items.filter((d): d is ProjectDocument => d !== null) };
}

/**
 * The id and title are required unless withheld (then one stands in for the other, and the link is the project's
 * Documents page). The creator and the folder are references a limited token may not read: withheld, they are named
 * hidden, never a failure (space-api.md §12).
 */
export function mapDocument(document: Reader, origin: string, projectKey: string): ProjectDocument {
  const hidden = new HiddenFields();
  const { id, name: title, idWithheld } = idAndName(document, hidden, { id: 'id', name: 'title' });
  hidden.check(document, 'alias', 'alias');
  const alias = document.looseStr('alias') ?? '';
  const folder = folderOf(document, hidden);
  hidden.checkWithin(document, 'modified', 'updatedAt');
  return hidden.apply<ProjectDocument>({
    kind: 'document',
    id,
    title: title || id,
    webUrl: documentUrl(origin, projectKey, idWithheld || folder === null ? null : { folderName: folder.name, alias }),
    projectKey,
    folder,
    author: author(document, hidden),
    updatedAt: hidden.optional('updatedAt', () => document.optTimestamp('modified')),
  });
}

/**
 * The document's folder, or null at the project's top level: [I] the root folder (`FolderIdentifier.Root`) is the
 * folder without a parent, so a document there — or without a folder — shows none. Its parent withheld, the folder is
 * shown as a folder (a root folder's name would then read as one, a lesser harm than hiding a real one).
 */
function folderOf(document: Reader, hidden: HiddenFields): { id: string; name: string } | null {
  if (hidden.check(document, 'folderRef', 'folder')) return null;
  const folder = document.looseObj('folderRef');
  if (folder === null) return null;
  const ref = idNameRef(folder, hidden, 'folder');
  if (ref === null || (folder.looseObj('parent') === null && !folder.withheld('parent'))) return null;
  return ref;
}

/**
 * `createdBy` is a `CPrincipal {name, details}` [C]: a member (`CUserPrincipalDetails {user}`) reads as that profile,
 * whose name a limited token may not read — then the principal's own `name` stands in, and the author is named
 * hidden; any other principal (an application, a service) as its `name` alone [I: the principal's name is what Space
 * shows for it].
 */
function author(document: Reader, hidden: HiddenFields): PersonRef | null {
  if (hidden.check(document, 'createdBy', 'author')) return null;
  const principal = document.looseObj('createdBy');
  if (principal === null) return null;
  hidden.check(principal, ['name', 'details'], 'author');
  const name = principal.looseStr('name') || null;
  const details = principal.looseObj('details');
  hidden.check(details, 'user', 'author');
  const user = details?.looseObj('user') ?? null;
  if (user === null) return name === null ? null : { id: null, username: null, name };
  const ref = personRef(user, hidden, 'author');
  return ref.name === null && ref.username === null && name !== null ? { ...ref, name } : ref;
}
