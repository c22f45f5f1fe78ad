import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/p/{key}/reviews/{number}` [C]; Space redirects to the review's timeline. */
export function reviewUrl(origin: string, projectKey: string, number: number): string {
  return webUrl(origin, `/p/${seg(projectKey)}/reviews/${seg(number)}`);
}
