import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

/** `/team?team={Team Name}-{id}` — seen once in a public link, so a guess [I]. */
export function teamUrl(origin: string, team: { id: string; name: string }): string {
  return webUrl(origin, `/team?team=${seg(`${team.name}-${team.id}`)}`);
}
