/** "View issues" (space-api.md §6). */
export const issuePermissions = ['Project.Issues.View'] as const;
