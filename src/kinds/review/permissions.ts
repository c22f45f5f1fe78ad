/** "View code reviews" (space-api.md §6). */
export const reviewPermissions = ['Project.CodeReview.View'] as const;
