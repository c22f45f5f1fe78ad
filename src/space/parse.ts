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

/** A typed view over one JSON object, remembering where it sits for error messages. */
export class Reader {
  private constructor(private readonly value: Json, readonly path: string) {}

  static of(value: unknown, path = '$'): Reader {
    if (!isObject(value)) throw new ShapeError(path, 'an object');
    return new Reader(value, path);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
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
    return Reader.of(this.value[key], this.at(key));
  }

  optObj(key: string): Reader | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    return Reader.of(v, this.at(key));
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
    return this.optArr(key).map((item, i) => Reader.of(item, `${this.at(key)}[${i}]`));
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
    const parsed = Date.parse(date.str('iso'));
    if (Number.isNaN(parsed)) throw new ShapeError(this.at(key), 'a date-time');
    return parsed;
  }

  /** A `{iso: "2024-05-10"}` date as `YYYY-MM-DD`; null when absent. */
  optDate(key: string): string | null {
    const v = this.value[key];
    if (v === undefined || v === null) return null;
    const iso = typeof v === 'string' ? v : Reader.of(v, this.at(key)).str('iso');
    const day = /^(\d{4}-\d{2}-\d{2})/.exec(iso)?.[1];
    if (day === undefined) throw new ShapeError(this.at(key), 'a date');
    return day;
  }

  private at(key: string): string {
    return `${this.path}.${key}`;
  }
}

/** The top level of a plain-array response. */
export function readArray(value: unknown, path = '$'): Reader[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array');
  return value.map((item, i) => Reader.of(item, `${path}[${i}]`));
}
