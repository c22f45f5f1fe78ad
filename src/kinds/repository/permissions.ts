/** "Read Git repositories" (space-api.md §6). */
export const repositoryPermissions = ['VcsRepository.Read'] as const;
