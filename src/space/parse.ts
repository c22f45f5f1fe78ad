/**
 * Small defensive readers for JSON from Space. Mappers read only the fields they use, unknown
 * fields are ignored, and a missing or mistyped required field throws `ShapeError` naming the path
 * (our own field names only — never a value from the body). The HTTP layer turns it into `bad-response`.
 */

export class ShapeError extends Error {
  override readonly name = 'ShapeError';
  constructor(readonly path: string, readonly expected: string) {
    super(`expected ${expected} at ${path}`);
  }
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A typed view over one JSON object, remembering where it sits for error messages.
 *
 * Space leaves out the fields a token may not read and lists them in an inline `$errors` array on the
 * object instead (space-api.md §3, §12 [C]: KT `DeserializationContext`, NET `ApiInlineErrorInaccessibleFields`):
 * `"$errors":[{"className":"HA_InlineError.InaccessibleFields","fields":["username","name"],"message":"…"}]`.
 * `inaccessible()` reads that list; `withheld(key)` and the `…Or` readers let mappers degrade instead of
 * failing for exactly those fields.
 */
export class Reader {
  private listed: ReadonlySet<string> | undefined;

  private constructor(
    private readonly value: Json,
    readonly path: string,
    /** Dotted `$errors` paths of the parent that point into this object (see `inaccessible`). */
    private readonly inherited: readonly string[] = [],
  ) {}

  static of(value: unknown, path = '$'): Reader {
    if (!isObject(value)) throw new ShapeError(path, 'an object');
    return new Reader(value, path);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  /**
   * The field names this object's `$errors` lists as inaccessible. Never throws: a malformed `$errors` is
   * ignored (it only ever explains an absence). Entries of any `className` count when they carry `fields`,
   * since a listed field is absent whatever the reason. [I] The SDKs key the list by plain field names of
   * the object itself; a dotted name (`name.firstName`) is also passed down to the nested object in case a
   * server reports it that way — a defensive guess, settled by a restricted token against a real server.
   */
  inaccessible(): ReadonlySet<string> {
    if (this.listed === undefined) {
      const names = new Set<string>(this.inherited);
      const errors = this.value.$errors;
      if (Array.isArray(errors)) {
        for (const entry of errors) {
          if (!isObject(entry) || !Array.isArray(entry.fields)) continue;
          for (const field of entry.fields) {
            if (typeof field === 'string' && field !== '') names.add(field);
          }
        }
      }
      this.listed = names;
    }
    return this.listed;
  }

  /** Space withheld `key`: listed in `$errors` and absent. (A listed field that is present anyway is read.) */
  withheld(key: string): boolean {
    return !this.has(key) && this.inaccessible().has(key);
  }

  /** `key` was withheld, or something inside the object at `key` was (a date without its `iso`…). */
  withheldWithin(key: string): boolean {
    if (this.withheld(key)) return true;
    const v = this.value[key];
    return isObject(v) && this.child(v, key).inaccessible().size > 0;
  }

  /** Whether any of `keys` was withheld. */
  withheldAny(keys: readonly string[]): boolean {
    return keys.some((key) => this.withheld(key));
  }

  /** `str`, but a withheld field reads as `fallback` instead of failing. */
  strOr(key: string, fallback: string): string {
    return this.withheld(key) ? fallback : this.str(key);
  }

  /** `id`, but a withheld field reads as `fallback` instead of failing. */
  idOr(key: string, fallback: string): string {
    return this.withheld(key) ? fallback : this.id(key);
  }

  /** `int`, but a withheld field reads as `fallback` instead of failing. */
  intOr(key: string, fallback: number): number {
    return this.withheld(key) ? fallback : this.int(key);
  }

  /** `obj`, but a withheld object reads as null instead of failing. */
  objOr(key: string): Reader | null {
    return this.withheld(key) ? null : this.obj(key);
  }

  /**
   * For references to other entities (an assignee, a team of a membership…), which must never fail the
   * entity that names them: the string at `key`, or null when it is absent, withheld or not a string.
   */
  looseStr(key: string): string | null {
    const v = this.value[key];
    return typeof v === 'string' ? v : null;
  }

  /** Like `looseStr`, for a nested object: null unless it is an object. */
  looseObj(key: string): Reader | null {
    const v = this.value[key];
    return isObject(v) ? this.child(v, key) : null;
  }

  str(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string') throw new ShapeError(this.at(key), 'a string');
    return v;
  }

  optStr(key: string): string | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new ShapeError(this.at(key), 'a string or null');
    return v;
  }

  /** A non-empty string id or key. */
  id(key: string): string {
    const v = this.str(key);
    if (v === '') throw new ShapeError(this.at(key), 'a non-empty string');
    return v;
  }

  num(key: string): number {
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(this.at(key), 'a number');
    return v;
  }

  optNum(key: string): number | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(this.at(key), 'a number or null');
    return v;
  }

  /** A positive integer, e.g. an issue number. */
  int(key: string): number {
    const v = this.num(key);
    if (!Number.isSafeInteger(v) || v < 0) throw new ShapeError(this.at(key), 'a non-negative integer');
    return v;
  }

  bool(key: string): boolean {
    const v = this.value[key];
    if (typeof v !== 'boolean') throw new ShapeError(this.at(key), 'a boolean');
    return v;
  }

  optBool(key: string, fallback: boolean): boolean {
    const v = this.value[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw new ShapeError(this.at(key), 'a boolean or null');
    return v;
  }

  obj(key: string): Reader {
    const v = this.value[key];
    if (!isObject(v)) throw new ShapeError(this.at(key), 'an object');
    return this.child(v, key);
  }

  optObj(key: string): Reader | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (!isObject(v)) throw new ShapeError(this.at(key), 'an object');
    return this.child(v, key);
  }

  /** An array of anything; use `objects` for arrays of objects. Missing → empty. */
  optArr(key: string): unknown[] {
    const v = this.value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new ShapeError(this.at(key), 'an array');
    return v;
  }

  arr(key: string): unknown[] {
    const v = this.value[key];
    if (!Array.isArray(v)) throw new ShapeError(this.at(key), 'an array');
    return v;
  }

  /** Each element as a Reader; missing → empty. */
  objects(key: string): Reader[] {
    const inherited = this.inheritedFor(key);
    return this.optArr(key).map((item, i) => {
      const path = `${this.at(key)}[${i}]`;
      if (!isObject(item)) throw new ShapeError(path, 'an object');
      return new Reader(item, path, inherited);
    });
  }

  /**
   * Each element as a Reader, or null where it is not an object; missing → empty. For lists whose elements are
   * read one by one, so one odd element is left out instead of failing the list (`parseBatch`).
   */
  objectsOrNull(key: string): (Reader | null)[] {
    const inherited = this.inheritedFor(key);
    return this.optArr(key).map((item, i) => (isObject(item) ? new Reader(item, `${this.at(key)}[${i}]`, inherited) : null));
  }

  /** Like `objects`, skipping elements that are not objects (lists of references). */
  looseObjects(key: string): Reader[] {
    const v = this.value[key];
    if (!Array.isArray(v)) return [];
    const inherited = this.inheritedFor(key);
    return v.flatMap((item, i) => (isObject(item) ? [new Reader(item, `${this.at(key)}[${i}]`, inherited)] : []));
  }

  /** Strings of an array of strings, skipping anything else (used for phones, tags…). */
  strings(key: string): string[] {
    return this.optArr(key).filter((v): v is string => typeof v === 'string');
  }

  /** A `{iso, timestamp}` date-time (or a bare epoch-ms number) as epoch ms; null when absent. */
  optTimestamp(key: string): number | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    const date = Reader.of(v, this.at(key));
    if (date.has('timestamp')) return date.num('timestamp');
    if (date.withheld('iso')) return null;
    const parsed = Date.parse(date.str('iso'));
    if (Number.isNaN(parsed)) throw new ShapeError(this.at(key), 'a date-time');
    return parsed;
  }

  /** A `{iso: "2024-05-10"}` date as `YYYY-MM-DD`; null when absent. */
  optDate(key: string): string | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && isObject(v) && this.child(v, key).withheld('iso')) return null;
    const iso = typeof v === 'string' ? v : Reader.of(v, this.at(key)).str('iso');
    const day = /^(\d{4}-\d{2}-\d{2})/.exec(iso)?.[1];
    if (day === undefined) throw new ShapeError(this.at(key), 'a date');
    return day;
  }

  private at(key: string): string {
    return `${this.path}.${key}`;
  }

  private child(value: Json, key: string): Reader {
    return new Reader(value, this.at(key), this.inheritedFor(key));
  }

  /** `$errors` entries `key.rest` of this object become `rest` of the nested object at `key`. */
  private inheritedFor(key: string): string[] {
    const prefix = `${key}.`;
    return [...this.inaccessible()].filter((f) => f.startsWith(prefix) && f.length > prefix.length).map((f) => f.slice(prefix.length));
  }
}

/** The top level of a plain-array response. */
export function readArray(value: unknown, path = '$'): Reader[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array');
  return value.map((item, i) => Reader.of(item, `${path}[${i}]`));
}

/** Like `readArray`, for answers read element by element: null where an element is not an object. */
export function readArrayElements(value: unknown, path = '$'): (Reader | null)[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array');
  return value.map((item, i) => (isObject(item) ? Reader.of(item, `${path}[${i}]`) : null));
}
