/**
 * Finding an item the popup (or the address bar) names, in what the worker already holds: no entity data ever
 * crosses from a page, so a page cannot put into Recent or Pinned anything the worker did not get from Space itself.
 *
 * Where it looks, freshest first: the popup's last view (storage.session), the cached search results of the
 * connection (storage.session: a result the popup showed before its search finished, or an address-bar
 * suggestion), the local directory (its rows are cached nowhere else), then Waiting for you, Pinned and Recent.
 * Queued cache writes are waited for first.
 */
import { WAITING_KEY, PINNED_KEY, RECENT_KEY } from '../../shared/home.ts';
import { parseEntity } from '../../shared/home-parse.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import { LAST_VIEW_KEY } from '../../shared/storage-keys.ts';
import { CACHE_INDEX_KEY, CACHE_PREFIX, writesSettled } from '../cache.ts';
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
 * Entities held elsewhere for the connection (the local directory: a row it painted is in no cache entry), of one
 * kind or all.
 */
export type MoreEntities = (kind: EntityKind | null) => Promise<readonly unknown[]>;

/**
 * The entity, as held for connection `owner.key` on Space `origin`, or null. A private request finds nothing: its
 * results were never stored, and nothing of it is remembered anyway.
 */
export async function findHeld(
  platform: Platform, owner: HomeOwner, origin: string, wanted: Wanted, more: MoreEntities | null = null,
): Promise<Entity | null> {
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

  const session = platform.storage.session;
  const got = await session.get([LAST_VIEW_KEY, CACHE_INDEX_KEY]);
  const view = got[LAST_VIEW_KEY] as { connection?: unknown; groups?: Record<string, unknown> } | undefined;
  if (view?.connection === owner.key && typeof view.groups === 'object' && view.groups !== null) {
    for (const [kind, items] of Object.entries(view.groups)) {
      const found = wanted.kind === null || kind === wanted.kind ? pick(items) : null;
      if (found) return found;
    }
  }

  // Cache entries, found through the cache's index (never a read of the whole area: it may hold much else):
  // `cache:<connection>|<kind>|<query>` holding `{value: {items}, storedAt}` (cache.ts, engine.ts); newest first.
  const prefix = `${CACHE_PREFIX}${owner.key}|${wanted.kind === null ? '' : `${wanted.kind}|`}`;
  const index = (got[CACHE_INDEX_KEY] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(index).filter((key) => key.startsWith(prefix))
    .sort((a, b) => Number(index[b]) - Number(index[a]));
  const cached = keys.length > 0 ? await session.get(keys) : {};
  for (const key of keys) {
    const found = pick((cached[key] as { value?: { items?: unknown } } | undefined)?.value?.items);
    if (found) return found;
  }

  const found = more ? pick(await more(wanted.kind).catch(() => [])) : null;
  if (found) return found;

  for (const key of [WAITING_KEY, PINNED_KEY, RECENT_KEY] as const) {
    const list = await readHomeList(platform, owner, key);
    const found = pick(list?.items.map((item) => item.entity));
    if (found) return found;
  }
  return null;
}
