/**
 * Reading the home lists (home.ts) back from storage, for the worker and for the popup's first frame alike. What is
 * stored may be of an older version of the extension or edited by hand: each entry is checked on its own and a
 * malformed one is dropped, the rest kept; a list of another connection is no list at all (null).
 *
 * An entry's entity is checked as the popup's first frame checks it (`isListable`, home.ts): a known kind and the
 * fields every row and action needs, so what the toolbar counts is what the popup lists. A kind's own fields are
 * guarded where they are drawn (a row or card that cannot draw them shows the title alone). A link must point to the
 * connection's own Space.
 */
import { entityKey, type Entity } from './kinds.ts';
import {
  MAX_PINNED, MAX_RECENT, isListable, type PinnedEntry, type PinnedList, type RecentEntry, type RecentList, type WaitingEntry,
  type WaitingList,
} from './home.ts';
import type { AppError } from './protocol.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entity as stored (null when malformed); `origin`: its link must be on that Space. */
export function parseEntity(value: unknown, origin: string | null): Entity | null {
  return isListable(value) && (origin === null || onOrigin(value.webUrl, origin)) ? value : null;
}

function onOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isError = (v: unknown): v is AppError => isObj(v) && typeof v.code === 'string';

/** The entries that are well-formed, each entity once (by kind + id, the first kept), at most `max`. */
function entries<T extends { entity: Entity }>(value: unknown, max: number, parse: (item: Obj, entity: Entity) => T | null, origin: string | null): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of value as unknown[]) {
    if (out.length >= max) break;
    if (!isObj(item)) continue;
    const entity = parseEntity(item.entity, origin);
    const entry = entity && parse(item, entity);
    if (!entry || seen.has(entityKey(entity))) continue;
    seen.add(entityKey(entity));
    out.push(entry);
  }
  return out;
}

/** What makes two entries the same item: kind + id. */
/** The list object, if it is one and belongs to `connection`. */
function listOf(value: unknown, connection: string): Obj | null {
  return isObj(value) && value.connection === connection ? value : null;
}

export function parseRecent(value: unknown, connection: string, origin: string | null): RecentList | null {
  const list = listOf(value, connection);
  if (!list) return null;
  const items = entries<RecentEntry>(list.items, MAX_RECENT, (item, entity) => (isTime(item.at) ? { entity, at: item.at } : null), origin);
  return { connection, items };
}

export function parsePinned(value: unknown, connection: string, origin: string | null): PinnedList | null {
  const list = listOf(value, connection);
  if (!list) return null;
  const items = entries<PinnedEntry>(list.items, MAX_PINNED, (item, entity) => {
    if (!isTime(item.at) || (item.gone !== undefined && typeof item.gone !== 'boolean')) return null;
    return item.gone === true ? { entity, at: item.at, gone: true } : { entity, at: item.at };
  }, origin);
  return { connection, items };
}

/** At most this many Waiting rows are kept (the lists of a large scope are cut, oldest wait first: waiting.ts). */
export const MAX_WAITING = 50;

export function parseWaiting(value: unknown, connection: string, origin: string | null): WaitingList | null {
  const list = listOf(value, connection);
  if (!list) return null;
  const items = entries<WaitingEntry>(list.items, MAX_WAITING, (item, entity) => {
    const { reason, project, since } = item;
    if (!((reason === 'your-turn' && entity.kind === 'review') || (reason === 'assigned' && entity.kind === 'issue'))) return null;
    if (typeof project !== 'string' || (since !== null && !isTime(since))) return null;
    return { entity, reason, project, since };
  }, origin);
  const notes = Array.isArray(list.notes)
    ? (list.notes as unknown[]).filter((n): n is WaitingList['notes'][number] => isObj(n) && typeof n.project === 'string' && isError(n.error))
    : [];
  const out: WaitingList = { connection, items, at: isTime(list.at) ? list.at : 0, notes };
  if (isError(list.stale)) out.stale = list.stale;
  return out;
}
