/** "View teams" (space-api.md §6). */
export const permissions = ['Team.View'] as const;
