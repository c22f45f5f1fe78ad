/**
 * Reading the home lists (home.ts) back from storage, for the worker and for the popup's first frame alike. What is
 * stored may be of an older version of the extension or edited by hand: each entry is checked on its own and a
 * malformed one is dropped, the rest kept; a list of another connection is no list at all (null).
 *
 * An entry's entity is checked to the depth its row reads: the fields every entity has, and each kind's own
 * top-level fields with their types (SHAPES; src/background/home/home-parse.test.ts holds it to every kind's fixture, so a
 * field added to a kind fails there until it is listed here — and entries stored before it are then dropped, as
 * an older version's should be). A link must point to the connection's own Space.
 */
import { ALL_KINDS, type Entity, type EntityKind } from './kinds.ts';
import {
  MAX_PINNED, MAX_RECENT, type PinnedEntry, type PinnedList, type RecentEntry, type RecentList, type WaitingEntry,
  type WaitingList,
} from './home.ts';
import type { AppError } from './protocol.ts';

/**
 * Each kind's own fields, `name:type`: `s` string, `n` finite number, `b` boolean, `o` object, `a` array; `?` may be
 * null, `~` may be absent.
 */
export const SHAPES: Record<EntityKind, string> = {
  person: 'username:s firstName:s lastName:s avatarId:s? emails:a phones:a positions:a teams:a locations:a timeZone:s? absence:o?~ workingHours:o?~',
  team: 'name:s description:s parent:o? lead:o? memberCount:n?',
  location: 'name:s type:s parent:o? timeZone:s? address:s?',
  project: 'key:s name:s description:s private:b repositories:a',
  issue: 'projectKey:s number:n key:s status:o assignee:o? dueDate:s? createdAt:n?',
  repository: 'projectKey:s name:s description:s defaultBranch:s? latestActivity:n?',
  review: 'projectKey:s number:n key:s state:s type:s branches:o? author:o? createdAt:n?',
  document: 'projectKey:s folder:o? author:o? updatedAt:n?',
  channel: 'name:s description:s subscribers:n? subscribed:b? lastMessageTime:n? archived:b',
  article: 'author:o? createdAt:n? preview:s teams:a locations:a',
  code: 'projectKey:s repository:s path:s commit:s? line:n? lines:a',
};

const BASE = 'id:s title:s webUrl:s hidden:a~ unreadable:a~';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fits(value: unknown, type: string): boolean {
  switch (type) {
    case 's': return typeof value === 'string';
    case 'n': return typeof value === 'number' && Number.isFinite(value);
    case 'b': return typeof value === 'boolean';
    case 'o': return isObj(value);
    default: return Array.isArray(value);
  }
}

function hasShape(obj: Obj, shape: string): boolean {
  return shape.split(' ').every((field) => {
    const [name = '', spec = ''] = field.split(':');
    const value = obj[name];
    if (value === undefined) return spec.includes('~');
    if (value === null) return spec.includes('?');
    return fits(value, spec.charAt(0));
  });
}

/** An entity as stored (null when malformed); `origin`: its link must be on that Space. */
export function parseEntity(value: unknown, origin: string | null): Entity | null {
  if (!isObj(value) || !(ALL_KINDS as readonly unknown[]).includes(value.kind)) return null;
  if (!hasShape(value, BASE) || !hasShape(value, SHAPES[value.kind as EntityKind])) return null;
  if (origin !== null && !onOrigin(value.webUrl as string, origin)) return null;
  return value as unknown as Entity;
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
    if (!entry || seen.has(homeId(entity))) continue;
    seen.add(homeId(entity));
    out.push(entry);
  }
  return out;
}

/** What makes two entries the same item: kind + id. */
export const homeId = (entity: { kind: string; id: string }): string => `${entity.kind}|${entity.id}`;

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
