/** "View issues" (space-api.md §6). */
export const permissions = ['Project.Issues.View'] as const;
