/** PR_Project → Project (space-api.md §2b; `key` is an object `{key}`). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Project } from './entity.ts';
import { projectUrl } from './web-url.ts';
import { HiddenFields } from '../../space/mappers/common.ts';

export const PROJECT_FIELDS = 'id,key(key),name,description,private,archived,repos(name)';
export const PROJECT_BATCH_FIELDS = batchFields(PROJECT_FIELDS);

/**
 * Key, id and name are required unless withheld (the key then stands in for the id and name; a project
 * whose key is withheld keeps an empty key and links to the organization's home page).
 */
export function mapProject(project: Reader, origin: string): Project {
  const hidden = new HiddenFields();
  const keyRef = hidden.check(project, 'key', 'key') ? null : project.obj('key');
  hidden.check(keyRef, 'key', 'key');
  const key = keyRef?.idOr('key', '') ?? '';
  hidden.check(project, 'name', 'name');
  const name = project.strOr('name', key);
  hidden.check(project, 'id', 'id');
  hidden.check(project, 'description', 'description');
  hidden.check(project, 'private', 'private');
  hidden.check(project, 'repos', 'repositories');
  const repositories = project.looseObjects('repos').flatMap((repo) => {
    hidden.check(repo, 'name', 'repositories');
    const repoName = repo.looseStr('name');
    return repoName === null || repoName === '' ? [] : [repoName];
  });
  return hidden.apply<Project>({
    kind: 'project',
    id: project.idOr('id', key),
    title: name,
    webUrl: key === '' ? new URL('/', origin).href : projectUrl(origin, key),
    key,
    name,
    description: hidden.optional('description', () => project.optStr('description')) ?? '',
    private: hidden.optional('private', () => project.optBool('private', false)) ?? false,
    repositories,
  });
}
