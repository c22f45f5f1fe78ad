import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/blog/{alias or id}` [C examples, space-api.md §7]; the id, which every article has and never changes. */
export function articleUrl(origin: string, articleId: string): string {
  return webUrl(origin, `/blog/${seg(articleId)}`);
}
