/** "Read Git repositories" (space-api.md §6). */
export const permissions = ['VcsRepository.Read'] as const;
