/**
 * Builds `$fields` selections (space-api.md §3): `id,name(firstName,lastName)`.
 * Every call sends one so payloads stay small and shapes stay stable across server versions;
 * without it Space returns "all top-level properties", whose nested expansion rules are unknown.
 */

export interface FieldNode {
  readonly name: string;
  readonly children: readonly FieldSpec[];
}

export type FieldSpec = string | FieldNode;

/** Plain property names, `*` (all defaults of a level) and `!`-suffixed recursive selections. */
const FIELD_NAME = /^(?:\*|[A-Za-z_$][A-Za-z0-9_$]*!?\d*)$/;

/** `nest('name', 'firstName', 'lastName')` → `name(firstName,lastName)`. */
export function nest(name: string, ...children: FieldSpec[]): FieldNode {
  if (children.length === 0) throw new Error(`$fields: "${name}" needs at least one nested field`);
  return { name, children };
}

/** `fields('id', nest('name', 'firstName'))` → `id,name(firstName)`. Duplicate names are merged. */
export function fields(...specs: FieldSpec[]): string {
  if (specs.length === 0) throw new Error('$fields: select at least one field');
  return merge(specs).map(render).join(',');
}

/** A Batch selection: `next,totalCount,data(<inner>)`. */
export function batchFields(...inner: FieldSpec[]): string {
  return fields('next', 'totalCount', nest('data', ...inner));
}

function render(spec: FieldSpec): string {
  if (typeof spec === 'string') return checkName(spec);
  return `${checkName(spec.name)}(${fields(...spec.children)})`;
}

function checkName(name: string): string {
  // Names are constants in our code; a bad one is a programming error, and must never smuggle
  // `,` or `(` into the selection.
  if (!FIELD_NAME.test(name)) throw new Error(`$fields: invalid field name "${name}"`);
  return name;
}

/**
 * `a(b), a(c)` → `a(b,c)`, keeping first-seen order, so composed selections stay minimal.
 * A bare `a` next to `a(b)` becomes `a(*,b)`: the bare name asked for a's default fields.
 */
function merge(specs: readonly FieldSpec[]): FieldSpec[] {
  const order: string[] = [];
  const entries = new Map<string, { bare: boolean; children: FieldSpec[] }>();
  for (const spec of specs) {
    const name = typeof spec === 'string' ? spec : spec.name;
    let entry = entries.get(name);
    if (!entry) {
      entry = { bare: false, children: [] };
      entries.set(name, entry);
      order.push(name);
    }
    if (typeof spec === 'string') entry.bare = true;
    else entry.children.push(...spec.children);
  }
  return order.map((name) => {
    const entry = entries.get(name);
    if (!entry || entry.children.length === 0) return name;
    return { name, children: merge(entry.bare ? ['*', ...entry.children] : entry.children) };
  });
}
