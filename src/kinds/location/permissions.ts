/** "View locations" (space-api.md §6). */
export const permissions = ['Locations.View'] as const;
