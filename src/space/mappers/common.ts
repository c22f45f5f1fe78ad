/** Pieces several mappers share: people references, display names, and what Space withheld. */
import { ShapeError, type Reader } from '../parse.ts';
import type { EntityBase, PersonRef } from '../types.ts';

/** A person mentioned inside another entity (assignee, author, lead). */
export const PERSON_REF_FIELDS = 'id,username,name(firstName,lastName)';

export function fullName(first: string, last: string, fallback: string): string {
  const name = `${first} ${last}`.trim();
  return name === '' ? fallback : name;
}

/**
 * The domain fields of one entity whose content Space withheld for lack of permission (its `hidden`).
 * Mappers mark them while reading; `apply` puts them on the entity, sorted and unique, only when there are any.
 */
export class HiddenFields {
  private readonly names = new Set<string>();
  private readonly unreadableNames = new Set<string>();

  /**
   * An optional detail, read by `read`. When Space sent it in a shape `read` cannot take (a date as a plain
   * string, a number as text: a ShapeError), the detail is unknown (null) and `name` is listed in the entity's
   * `unreadable`, instead of the whole answer failing. [I] Space is not known to send such shapes; an older or
   * newer server, or a proxy rewriting answers, might.
   */
  optional<T>(name: string, read: () => T | null): T | null {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      this.unreadableNames.add(name);
      return null;
    }
  }

  add(...names: string[]): void {
    for (const name of names) this.names.add(name);
  }

  /** Marks `names` when any of `wireKeys` was withheld from `reader`; returns whether it did. */
  check(reader: Reader | null, wireKeys: string | readonly string[], ...names: string[]): boolean {
    if (reader === null) return false;
    const keys = typeof wireKeys === 'string' ? [wireKeys] : wireKeys;
    const withheld = reader.withheldAny(keys);
    if (withheld) this.add(...names);
    return withheld;
  }

  /** Like `check`, also when Space withheld something inside the value at a key (a date's `iso`…). */
  checkWithin(reader: Reader | null, wireKeys: string | readonly string[], ...names: string[]): boolean {
    if (reader === null) return false;
    const keys = typeof wireKeys === 'string' ? [wireKeys] : wireKeys;
    const withheld = keys.some((key) => reader.withheldWithin(key));
    if (withheld) this.add(...names);
    return withheld;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  delete(name: string): void {
    this.names.delete(name);
  }

  list(): string[] {
    return [...this.names].sort();
  }

  /** Names marked unreadable by `optional`, sorted. */
  unreadable(): string[] {
    return [...this.unreadableNames].sort();
  }

  apply<T extends EntityBase>(entity: T): T {
    if (this.names.size > 0) entity.hidden = this.list();
    if (this.unreadableNames.size > 0) entity.unreadable = this.unreadable();
    return entity;
  }
}

/**
 * A person named inside another entity. Never fails: with a limited token Space may send only `id` and list
 * the rest in `$errors` (space-api.md §12 [C]); whatever is missing is null, and `as` is marked hidden when
 * Space said it withheld something.
 */
export function personRef(profile: Reader, hidden: HiddenFields, as: string): PersonRef {
  const name = profile.looseObj('name');
  const first = name?.looseStr('firstName') ?? '';
  const last = name?.looseStr('lastName') ?? '';
  const full = `${first} ${last}`.trim();
  if (profile.withheldAny(['id', 'username', 'name']) || (name?.withheldAny(['firstName', 'lastName']) ?? false)) {
    hidden.add(as);
  }
  return {
    id: nonEmpty(profile.looseStr('id')),
    username: nonEmpty(profile.looseStr('username')),
    name: full === '' ? null : full,
  };
}

/**
 * An optional reference to a person at `key`: null when there is none, a PersonRef otherwise. When Space
 * withheld the reference as a whole we can't tell whether there is one: null, and `as` is marked hidden.
 */
export function optPersonRef(owner: Reader, key: string, hidden: HiddenFields, as: string): PersonRef | null {
  if (hidden.check(owner, key, as)) return null;
  const profile = owner.looseObj(key);
  return profile ? personRef(profile, hidden, as) : null;
}

/** `{id, name}` of a referenced entity (a parent team, a member's location…), or null when either is unknown. */
/**
 * A named entity's own id, name and parent: the id and name are required unless withheld (then one stands in
 * for the other); the parent is an optional reference.
 */
export function identityOf(entity: Reader, hidden: HiddenFields): { id: string; name: string; parent: { id: string; name: string } | null } {
  const { id, name } = idAndName(entity, hidden);
  hidden.check(entity, 'parent', 'parent');
  return { id, name, parent: idNameRef(entity.looseObj('parent'), hidden, 'parent') };
}

/**
 * An entity's id and name (or title) under their wire keys: required unless Space lists them in `$errors`,
 * then one stands in for the other. `idWithheld` tells callers to link somewhere safe instead.
 */
export function idAndName(
  entity: Reader,
  hidden: HiddenFields,
  keys: { id: string; name: string } = { id: 'id', name: 'name' },
): { id: string; name: string; idWithheld: boolean } {
  hidden.check(entity, keys.name, keys.name);
  const name = entity.strOr(keys.name, '');
  const idWithheld = hidden.check(entity, keys.id, 'id');
  return { id: entity.idOr(keys.id, name), name, idWithheld };
}

export function idNameRef(ref: Reader | null, hidden: HiddenFields, as: string): { id: string; name: string } | null {
  if (ref === null) return null;
  hidden.check(ref, ['id', 'name'], as);
  const id = nonEmpty(ref.looseStr('id'));
  const name = ref.looseStr('name');
  return id === null || name === null ? null : { id, name };
}

/** `YYYY-MM-DD` of the viewer's local calendar day: absences and memberships are date-based. */
export function localIsoDay(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
