/** "View locations" (space-api.md §6). */
export const locationPermissions = ['Locations.View'] as const;
