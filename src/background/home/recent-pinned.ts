/**
 * Recent and Pinned (issue 14 items 1–2): the changes each request makes, through the store's queue. Neither touches
 * the badge: it counts Waiting for you only (badge.ts), whose store refreshes it (waiting.ts).
 */
import { MAX_PINNED, MAX_RECENT, PINNED_KEY, RECENT_KEY, type PinnedList } from '../../shared/home.ts';
import { entityKey, type Entity, type EntityKind } from '../../shared/kinds.ts';
import { workerErrors } from '../app-error.ts';
import type { Platform } from '../platform.ts';
import { readHomeList, updateHomeList, type HomeOwner } from './store.ts';

/** `entity` to the front of Recent (once: an older entry of the same item goes), at most MAX_RECENT. */
export async function addRecent(platform: Platform, owner: HomeOwner, entity: Entity, at: number): Promise<boolean> {
  const id = entityKey(entity);
  const written = await updateHomeList(platform, owner, RECENT_KEY, (current) => ({
    connection: owner.key,
    items: [{ entity, at }, ...(current?.items ?? []).filter((item) => entityKey(item.entity) !== id)].slice(0, MAX_RECENT),
  }));
  return written !== null;
}

/**
 * Pins `entity` (appended: pins keep the order they were made in; pinning a pinned item changes nothing) or unpins
 * `kind` + `id`. One pin too many throws `bad-request` reason `pin-limit`, and nothing is written. Resolves to the
 * list as it now is (also when nothing needed writing).
 */
export async function setPinned(
  platform: Platform,
  owner: HomeOwner,
  target: { kind: EntityKind; id: string; entity: Entity | null },
  pinned: boolean,
  at: number,
): Promise<PinnedList> {
  const id = entityKey(target);
  let unchanged: PinnedList | null = null;
  const written = await updateHomeList(platform, owner, PINNED_KEY, (current) => {
    const items = current?.items ?? [];
    const has = items.some((item) => entityKey(item.entity) === id);
    if (has === pinned) {
      unchanged = current ?? { connection: owner.key, items: [] };
      return null;
    }
    if (!pinned) return { connection: owner.key, items: items.filter((item) => entityKey(item.entity) !== id) };
    if (items.length >= MAX_PINNED) throw workerErrors.badRequest('pin-limit');
    if (!target.entity) throw workerErrors.badRequest('pin-unknown');
    return { connection: owner.key, items: [...items, { entity: target.entity, at }] };
  });
  if (written) return written;
  return unchanged ?? (await readHomeList(platform, owner, PINNED_KEY)) ?? { connection: owner.key, items: [] };
}

/**
 * What a card's answer says about a pin (`details` handler): `gone` when Space no longer finds the item, cleared
 * once it answers again. Writes only when a pin's state changes, so an ordinary card costs
 * one read.
 */
export async function notePinnedAnswer(
  platform: Platform,
  owner: HomeOwner,
  answersTo: (entity: Entity) => boolean,
  found: Entity | null,
): Promise<void> {
  if (owner.private) return;
  const current = await readHomeList(platform, owner, PINNED_KEY);
  const needs = (gone: boolean | undefined) => (found ? gone === true : gone !== true);
  if (!current?.items.some((item) => answersTo(item.entity) && needs(item.gone))) return;
  await updateHomeList(platform, owner, PINNED_KEY, (list) => {
    if (!list) return null;
    let changed = false;
    const items = list.items.map((item) => {
      if (!answersTo(item.entity) || !needs(item.gone)) return item;
      changed = true;
      return found ? { entity: item.entity, at: item.at } : { ...item, gone: true };
    });
    return changed ? { connection: list.connection, items } : null;
  });
}
