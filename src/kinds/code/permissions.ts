/** Source search has no `x-rights` in the spec; it reads repositories, so "Read Git repositories" covers it [I]. */
export const permissions = ['VcsRepository.Read'] as const;
