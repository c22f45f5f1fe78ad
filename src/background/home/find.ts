/**
 * Finding an item the popup (or the address bar) names, in what the worker already holds: no entity data ever
 * crosses from a page, so a page cannot put into Recent or Pinned anything the worker did not get from Space itself.
 *
 * Where it looks, freshest first: the popup's last view (storage.session), the cached search results of the
 * connection (storage.session: a result the popup showed before its search finished, or an address-bar
 * suggestion), then Waiting for you, Pinned and Recent. Queued cache writes are waited for first.
 */
import { WAITING_KEY, PINNED_KEY, RECENT_KEY } from '../../shared/home.ts';
import { parseEntity } from '../../shared/home-parse.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import { LAST_VIEW_KEY } from '../../shared/storage-keys.ts';
import { CACHE_PREFIX, writesSettled } from '../cache.ts';
import type { Platform } from '../platform.ts';
import { readHomeList, type HomeOwner } from './store.ts';

export interface Wanted {
  /** Only this kind (null: any). */
  kind: EntityKind | null;
  match(entity: Entity): boolean;
}

/** The item `kind` + `id` (`Entity.id`). */
export const byId = (kind: EntityKind, id: string): Wanted => ({ kind, match: (e) => e.kind === kind && e.id === id });

/** The item whose link is `url` (an address-bar suggestion's content). */
export const byUrl = (url: string): Wanted => ({ kind: null, match: (e) => e.webUrl === url });

/**
 * The entity, as held for connection `owner.key` on Space `origin`, or null. A private request finds nothing: its
 * results were never stored, and nothing of it is remembered anyway.
 */
export async function findHeld(platform: Platform, owner: HomeOwner, origin: string, wanted: Wanted): Promise<Entity | null> {
  if (owner.private) return null;
  await writesSettled();
  const pick = (candidates: unknown): Entity | null => {
    if (!Array.isArray(candidates)) return null;
    for (const candidate of candidates as unknown[]) {
      const entity = parseEntity(candidate, origin);
      if (entity && (wanted.kind === null || entity.kind === wanted.kind) && wanted.match(entity)) return entity;
    }
    return null;
  };

  const session = await platform.storage.session.get(null);
  const view = session[LAST_VIEW_KEY] as { connection?: unknown; groups?: Record<string, unknown> } | undefined;
  if (view?.connection === owner.key && typeof view.groups === 'object' && view.groups !== null) {
    for (const [kind, items] of Object.entries(view.groups)) {
      const found = wanted.kind === null || kind === wanted.kind ? pick(items) : null;
      if (found) return found;
    }
  }

  // Cache entries: `cache:<connection>|<kind>|<query>` holding `{value: {items}, storedAt}` (cache.ts, engine.ts);
  // newest first.
  const prefix = `${CACHE_PREFIX}${owner.key}|${wanted.kind === null ? '' : `${wanted.kind}|`}`;
  const cached = Object.entries(session)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, entry]) => entry as { value?: { items?: unknown }; storedAt?: unknown } | null)
    .sort((a, b) => Number(b?.storedAt ?? 0) - Number(a?.storedAt ?? 0));
  for (const entry of cached) {
    const found = pick(entry?.value?.items);
    if (found) return found;
  }

  for (const key of [WAITING_KEY, PINNED_KEY, RECENT_KEY] as const) {
    const list = await readHomeList(platform, owner, key);
    const found = pick(list?.items.map((item) => item.entity));
    if (found) return found;
  }
  return null;
}
