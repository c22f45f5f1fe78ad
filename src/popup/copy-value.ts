import { copyKeyOf } from '../kinds/card-registry.tsx';
import type { Entity } from '../shared/kinds.ts';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { fullest } from './details-cache.ts';

export type CopyWhat = 'link' | 'key' | 'email';

/** What Alt+C / Alt+K / Alt+E put on the clipboard for a result, or null when it has none. */
export function valueToCopy(entity: Entity, what: CopyWhat, origin: string | null): string | null {
  if (what === 'link') return origin && isSameOriginUrl(entity.webUrl, origin) ? entity.webUrl : null;
  if (what === 'key') return copyKeyOf(entity);
  const full = fullest(entity);
  return full.kind === 'person' ? full.emails[0] ?? null : null;
}
