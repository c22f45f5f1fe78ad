import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/p/{key}/repositories/{repo}` [C] */
export function repositoryUrl(origin: string, projectKey: string, repository: string): string {
  return webUrl(origin, `/p/${seg(projectKey)}/repositories/${seg(repository)}`);
}
