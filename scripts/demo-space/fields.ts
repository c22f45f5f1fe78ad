/**
 * `$fields` for the demo server: a parser for Space's partial-response grammar and a projector that cuts a
 * response object down to the selection.
 *
 * Grammar (space-api.md §3, [C] from the SDKs):
 *   list  := item ("," item)*
 *   item  := "*" | name ("!" digits?)? ("(" list ")")?
 *   name  := [A-Za-z0-9_$]+
 *
 * Defaults ([C] "all top-level properties"; which nested objects are expanded is [U]):
 * - Without `$fields`, and for `*`, an object yields its default fields. Fields declared *extended* with
 *   `markExtended` (nested entity collections such as `managers`, `memberships`, `repos`) are left out.
 * - A selected field without parentheses (`name`, `status`) yields its value with that value's own defaults.
 *   [I] guessed: this is how the SDK examples read (`$fields=id,name` returns `name{firstName,lastName}`).
 * - Field names that an object does not have are ignored. [I] guessed: Space may answer 400 for unknown
 *   names; ignoring them is also what makes polymorphic selections work, where `details(className,user(id))`
 *   lists fields of several inheritors and each object keeps only its own.
 * - `name!` / `name!2` (recursive selection) are accepted and treated like `name`; the extension never uses them.
 *
 * Restricted projection (ProjectionOptions): entities tagged with `markKind` can be withheld where they appear
 * nested, the way Space answers a token that may not read them (an inline `$errors` instead of the fields).
 */

export interface FieldSelection {
  /** `*` was given at this level. */
  all: boolean;
  /** Explicitly selected fields; `null` means "no parentheses" (use the value's defaults). */
  fields: Map<string, FieldSelection | null>;
}

export class FieldsSyntaxError extends Error {
  override readonly name = 'FieldsSyntaxError';
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
  }
}

const NAME_CHAR = /[A-Za-z0-9_$]/;

/** Parses a `$fields` value. Whitespace around names is tolerated. Throws FieldsSyntaxError. */
export function parseFields(text: string): FieldSelection {
  let pos = 0;

  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  };

  const parseList = (depth: number): FieldSelection => {
    const selection: FieldSelection = { all: false, fields: new Map() };
    for (;;) {
      skipSpace();
      if (text[pos] === '*') {
        pos++;
        selection.all = true;
      } else {
        const start = pos;
        while (pos < text.length && NAME_CHAR.test(text[pos] as string)) pos++;
        if (pos === start) {
          throw new FieldsSyntaxError(pos < text.length ? `Unexpected '${text[pos]}'` : 'Field name expected', pos);
        }
        const name = text.slice(start, pos);
        skipSpace();
        if (text[pos] === '!') {
          pos++;
          while (pos < text.length && /[0-9]/.test(text[pos] as string)) pos++;
          skipSpace();
        }
        let sub: FieldSelection | null = null;
        if (text[pos] === '(') {
          pos++;
          sub = parseList(depth + 1);
          if (text[pos] !== ')') throw new FieldsSyntaxError("Missing ')'", pos);
          pos++;
        }
        const previous = selection.fields.get(name);
        selection.fields.set(name, previous === undefined ? sub : mergeSelections(previous, sub));
      }
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (depth > 0 && text[pos] === ')') return selection;
      if (depth === 0 && pos >= text.length) return selection;
      throw new FieldsSyntaxError(pos < text.length ? `Unexpected '${text[pos]}'` : "Missing ')'", pos);
    }
  };

  return parseList(0);
}

/**
 * A field selected twice: `a(b),a(c)` selects `a(b,c)`; a bare `a` (the defaults of a) next to `a(b)` selects
 * `a(*,b)`, the same merge the extension's `$fields` builder does.
 */
function mergeSelections(a: FieldSelection | null, b: FieldSelection | null): FieldSelection | null {
  if (a === null && b === null) return null;
  if (a === null) return { all: true, fields: (b as FieldSelection).fields };
  if (b === null) return { all: true, fields: a.fields };
  const fields = new Map(a.fields);
  for (const [name, sub] of b.fields) {
    const previous = fields.get(name);
    fields.set(name, previous === undefined ? sub : mergeSelections(previous, sub));
  }
  return { all: a.all || b.all, fields };
}

/** Serializes a selection back to `$fields` syntax (used by tests and for logging). */
export function formatFields(selection: FieldSelection): string {
  const parts: string[] = [];
  if (selection.all) parts.push('*');
  for (const [name, sub] of selection.fields) parts.push(sub ? `${name}(${formatFields(sub)})` : name);
  return parts.join(',');
}

const EXTENDED = Symbol('demo-space.extended-fields');

interface Extensible {
  [EXTENDED]?: ReadonlySet<string>;
}

/**
 * Declares fields of `target` that only appear when selected explicitly (not for `*` or a missing `$fields`).
 * The marker is a non-enumerable symbol, so JSON serialization never sees it.
 */
export function markExtended<T extends object>(target: T, fields: readonly string[]): T {
  Object.defineProperty(target, EXTENDED, { value: new Set(fields), enumerable: false, configurable: true });
  return target;
}

function extendedFieldsOf(target: object): ReadonlySet<string> | undefined {
  return (target as Extensible)[EXTENDED];
}

const KIND = Symbol('demo-space.entity-kind');
const BATCH = Symbol('demo-space.batch');

interface Marked {
  [KIND]?: string;
  [BATCH]?: true;
}

/**
 * Tags `target` as an entity of Space type `kind` (e.g. `TD_MemberProfile`), so a projection can withhold
 * that kind where it appears nested in another object (restricted mode). Non-enumerable, like markExtended.
 */
export function markKind<T extends object>(target: T, kind: string): T {
  Object.defineProperty(target, KIND, { value: kind, enumerable: false, configurable: true });
  return target;
}

/** Tags a Batch (`{next, totalCount, data}`): its `data` items are the response's own entities, not nested ones. */
export function markBatch<T extends object>(target: T): T {
  Object.defineProperty(target, BATCH, { value: true, enumerable: false, configurable: true });
  return target;
}

export interface ProjectionOptions {
  /**
   * Entity kinds (see markKind) the token may not read where they appear nested in another object. Such an
   * object comes back as `{id, $errors: [HA_InlineError.InaccessibleFields]}` listing every other field the
   * selection asked for (space-api.md §3, §12 [C] for the wire shape). Top-level entities (the response itself,
   * items of a top-level array or of a top-level Batch's `data`) stay whole: a token that may read a profile
   * still gets it from the profile endpoints. [I] which objects Space withholds depends on its permission
   * checks; the demo withholds the kinds it is told to.
   */
  inaccessibleWhenNested?: ReadonlySet<string>;
}

/** The `className` of Space's inline error for fields the caller may not read ([C] NET/KT, space-api.md §3). */
export const INACCESSIBLE_FIELDS = 'HA_InlineError.InaccessibleFields';

/** Deeper than any real response; a deeper walk means the data has a cycle through default fields. */
const MAX_DEPTH = 24;

/** Applies a selection (or the defaults when `selection` is null) to a JSON-like value. */
export function projectFields(value: unknown, selection: FieldSelection | null, options: ProjectionOptions = {}): unknown {
  return project(value, selection, 0, true, options);
}

/** `top`: the value is the response itself, or one of its own entities (array item, Batch item). */
function project(value: unknown, selection: FieldSelection | null, depth: number, top: boolean, options: ProjectionOptions): unknown {
  if (depth > MAX_DEPTH) throw new Error('$fields projection too deep (cycle in default fields?)');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => project(item, selection, depth + 1, top, options));

  const source = value as Record<string, unknown> & Marked;
  const keys = selectedKeys(source, selection);
  const kind = source[KIND];
  if (!top && kind !== undefined && options.inaccessibleWhenNested?.has(kind)) return withheld(source, keys);

  const batch = top && source[BATCH] === true;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const sub = selection !== null && selection.fields.has(key) ? (selection.fields.get(key) ?? null) : null;
    out[key] = project(source[key], sub, depth + 1, batch && key === 'data', options);
  }
  return out;
}

/** The keys of `source` a selection yields, in the source's order. */
function selectedKeys(source: Record<string, unknown>, selection: FieldSelection | null): string[] {
  const extended = extendedFieldsOf(source);
  return Object.keys(source).filter((key) => {
    const isDefault = !extended?.has(key);
    if (selection === null) return isDefault;
    return selection.fields.has(key) || (selection.all && isDefault);
  });
}

/**
 * An entity the caller may not read: its id, plus an inline error naming the other fields that were asked for.
 * [I] the id stays readable (the issue's example and the client's anonymous "someone" reference rely on it);
 * the message text follows the NET README example ("Could not access following fields: 'logins'").
 */
function withheld(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const fields = keys.filter((key) => key !== 'id');
  const out: Record<string, unknown> = { id: source.id };
  if (fields.length > 0) {
    out.$errors = [{
      className: INACCESSIBLE_FIELDS,
      fields,
      message: `Could not access following fields: ${fields.map((f) => `'${f}'`).join(', ')}`,
    }];
  }
  return out;
}
