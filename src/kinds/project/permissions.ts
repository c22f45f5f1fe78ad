/** "View project details" (space-api.md §6): search, lookup, and the projects the search scope reads. */
export const permissions = ['Project.View'] as const;
