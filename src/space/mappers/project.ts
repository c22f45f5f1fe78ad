/** PR_Project → Project (space-api.md §2b; `key` is an object `{key}`). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';
import type { Project } from '../types.ts';
import { projectUrl } from '../web-urls.ts';

export const PROJECT_FIELDS = 'id,key(key),name,description,private,archived,repos(name)';
export const PROJECT_BATCH_FIELDS = batchFields(PROJECT_FIELDS);

export function mapProject(project: Reader, origin: string): Project {
  const key = project.obj('key').id('key');
  const name = project.str('name');
  return {
    kind: 'project',
    id: project.id('id'),
    title: name,
    webUrl: projectUrl(origin, key),
    key,
    name,
    description: project.optStr('description') ?? '',
    private: project.optBool('private', false),
    repositories: project.objects('repos').map((repo) => repo.str('name')),
  };
}
