import type { KindSearch } from '../kind-search.ts';
import { needsProjectScope, searchAcrossProjects } from '../project-scoped.ts';
import { permissions } from './permissions.ts';
import { searchDocuments } from './space.ts';

export const search: KindSearch<'document'> = {
  kind: 'document',
  permission: permissions[0],
  projectScoped: true,
  /**
   * Like issues, one request per project of the user's scope, merged (project-scoped.ts). Unlike them, a project key
   * alone (`ABC`) or an issue/review key finds no documents and asks nothing: Space's `query` is required, what an
   * empty one answers is [U], and the folder listing (`…/folders/{folder}/documents`) lists one folder's own documents
   * only [I], so there is no "latest documents of ABC" to show.
   */
  search: async (api, parsed, ctx) => {
    if (!needsProjectScope(parsed)) return { items: [], unreadable: 0 };
    const opts = { signal: ctx.signal };
    return searchAcrossProjects(await ctx.scopeProjects(), ctx.top, (key) => searchDocuments(api, key, parsed.query, { top: ctx.top }, opts));
  },
  /** The row is the whole card (card.tsx hands out no details id): nothing to load. */
  details: () => null,
  omniboxLine: (document) => (document.folder ? `${document.projectKey} · ${document.folder.name}` : document.projectKey),
};
