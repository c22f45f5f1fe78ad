import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/p/{key}/issues/{number}` [C] */
export function issueUrl(origin: string, projectKey: string, number: number): string {
  return webUrl(origin, `/p/${seg(projectKey)}/issues/${seg(number)}`);
}
