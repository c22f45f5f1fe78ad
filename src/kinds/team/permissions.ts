/** "View teams" (space-api.md §6). */
export const teamPermissions = ['Team.View'] as const;
