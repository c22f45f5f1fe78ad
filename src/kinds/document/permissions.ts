/**
 * "View documents" → `Documents.View` (NET `PermissionIdentifierViewDocuments` [C]; the UI name by analogy with "Edit
 * documents" = `Documents.Edit`, the spec's `x-rights` title [I, strong]). The search endpoint itself names no `x-rights`
 * [C]. Granted per project role: a project whose role lacks it answers an error or nothing, and the search of the
 * other projects goes on (project-scoped.ts). Per-folder access (`DocumentFolders.ViewMetadata`, `Book.Items.View`) is
 * not asked for: a restricted folder's documents are simply not found [I].
 */
export const permissions = ['Documents.View'] as const;
