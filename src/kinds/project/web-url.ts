import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/p/{key}` [C]. Space shows keys lower-case in its own links; the key is case-insensitive, kept as given. */
export function projectUrl(origin: string, projectKey: string): string {
  return webUrl(origin, `/p/${seg(projectKey)}`);
}
