/** The document kind's Space side: text search of one project's documents (rows carry the whole card). */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import { inProject, projectPath } from '../project/space.ts';
import type { ProjectDocument } from './entity.ts';
import { DOCUMENT_BATCH_FIELDS, documentsOnly, mapDocumentItem } from './mapper.ts';

/**
 * The project's root folder in a path: `FolderIdentifier.Root` is written `root` (NET `FolderIdentifier.generated.cs`
 * `Root.ToString() => "root"`, interpolated into the path; Kotlin code searches and lists project documents from
 * `FolderIdentifier.Root`) [C]. [I] a search of a folder covers its subfolders ("Executes search for project documents
 * and folders in specified folder"), so the root is the whole project; settled by a real search for a nested document.
 */
const ROOT_FOLDER = 'root';

/**
 * Documents of one project matching `query`: `GET /projects/{project}/documents/folders/root/search` [C]. `query` is
 * required [C] and never empty here (search.ts asks nothing for an empty query); `includeBody` and `foldersOnly` are
 * left to Space's defaults (documents and folders, matched as Space matches [U]). Folders come back among the
 * documents and take their places in `$top` [C]: left out, not paged further. A project that doesn't exist is
 * `not-found` (inProject).
 */
export const searchDocuments = async (
  api: SpaceApi, projectKey: string, query: string, page?: Page, call?: CallOptions,
): Promise<Batch<ProjectDocument>> => inProject(api, projectKey, 'searchDocuments', call, () => api.get({
  op: 'searchDocuments', path: `${projectPath(projectKey)}/documents/folders/${ROOT_FOLDER}/search`, fields: DOCUMENT_BATCH_FIELDS,
  subject: projectKey, on404: 'unsupported', query: { query, ...pageQuery(page) },
  map: (json, origin) => documentsOnly(batchOf((item, at) => mapDocumentItem(item, at, projectKey))(json, origin)),
}, call));
