/** "View code reviews" (space-api.md §6). */
export const permissions = ['Project.CodeReview.View'] as const;
