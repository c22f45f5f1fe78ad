/**
 * Arbitraries for JSON as Space could send it: junk values, hostile strings and numbers, a realistic answer
 * (a template) with mutations — fields missing, null, of the wrong type, withheld through `$errors`, extra and
 * prototype-named keys, deep nesting, huge arrays and strings — and answers shaped by a `$fields` selection.
 *
 * Every value is plain JSON (what `JSON.parse` gives a mapper): `asJson` round-trips it, so a `__proto__` key is
 * an own property, as it is after parsing.
 */
import fc from 'fast-check';
import type { FieldNode } from './fields-shape.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

const hugeString = fc.tuple(fc.constantFrom('a', 'é', '😀', '\ud800', ' ', '\u202e'), fc.integer({ min: 5_000, max: 60_000 }))
  .map(([c, n]) => c.repeat(n));

/** Strings that break naive code: empty, path tricks, dates that are not, URLs, markup, lone surrogates, huge. */
export const weirdString: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(
    '', ' ', '.', '..', '/', '%', '%2e%2e', '#', '?', '\\', '\u0000', '\u202e', '\ud800', 'a\udc00b', 'null', 'undefined', 'NaN', 'true',
    '0', '-1', '1e309', '2024-05-10', '2024-13-45', '0000-00-00', '2024-05-10T25:61:00Z', 'refs/heads/', 'ABC-T-1', 'ABC-MR-0',
    'javascript:alert(1)', '//evil.example', 'https://evil.example/x', 'http://[::1', '<img src=x onerror=alert(1)>',
    'MergeRequestRecord', 'CommitSetReviewRecord', 'Europe/Berlin', 'Not/AZone', ...PROTO_KEYS,
  ) },
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MIN_VALUE, 7, 24, 59, 60, 1440, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Keys an attacker or a confused server might add. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTO_KEYS, '$errors', 'className', '', 'id', 'data'), fc.string({ maxLength: 12 }));

/** An object with exactly these own keys (`__proto__` included: defined, not assigned, as JSON.parse does). */
export function objectOf(entries: readonly (readonly [string, Json])[]): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const scalarJunk: fc.Arbitrary<Json> = fc.oneof(fc.constant(null), fc.boolean(), weirdNumber, weirdString);

/** `depth` levels of `{"a":…}` or `[…]` around a value. */
export function nested(inner: fc.Arbitrary<Json>, maxDepth = 1_500): fc.Arbitrary<Json> {
  return fc.tuple(inner, fc.integer({ min: 20, max: maxDepth }), fc.boolean(), fc.constantFrom('a', 'data', 'id', '__proto__'))
    .map(([value, depth, arrays, key]) => {
      let v = value;
      for (let i = 0; i < depth; i++) v = arrays ? [v] : objectOf([[key, v]]);
      return v;
    });
}

/** Any JSON at all, with a bias to the nasty. */
export const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: scalarJunk },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], [{}], { $errors: null }, { $errors: [{ fields: 'id' }] }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, scalarJunk), { maxLength: 4 }).map(objectOf) },
  { weight: 1, arbitrary: nested(scalarJunk, 400) },
);

/** Space's inline errors listing `fields` (space-api.md §3), sometimes malformed. */
function inlineErrors(fields: string[]): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<Json>([{ className: 'HA_InlineError.InaccessibleFields', fields, message: 'Inaccessible fields' }]) },
    { weight: 1, arbitrary: fc.constant<Json>([{ fields }, { fields: [null, 3, ''] }, 'x', null]) },
    { weight: 1, arbitrary: junk },
  );
}

type FieldOp = { key: string; op: 'keep' | 'junk'; value: Json } | { key: string; op: 'missing' | 'withheld' | 'listed' };

/**
 * The template with mutations at every level. Per field: kept (and mutated inside), missing, null, junk, withheld
 * (absent and listed in the object's `$errors`) or listed in `$errors` while present; now and then extra keys.
 */
export function mutated(template: Json): fc.Arbitrary<Json> {
  if (template === null) return fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: junk });
  if (typeof template === 'string') return fc.oneof({ weight: 12, arbitrary: fc.constant(template) }, { weight: 1, arbitrary: weirdString }, { weight: 1, arbitrary: junk });
  if (typeof template === 'number') return fc.oneof({ weight: 12, arbitrary: fc.constant(template) }, { weight: 1, arbitrary: weirdNumber }, { weight: 1, arbitrary: junk });
  if (typeof template === 'boolean') return fc.oneof({ weight: 12, arbitrary: fc.constant(template) }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk });
  if (Array.isArray(template)) {
    if (template.length === 0) return fc.oneof({ weight: 6, arbitrary: fc.constant<Json>([]) }, { weight: 1, arbitrary: fc.array(junk, { maxLength: 4 }) }, { weight: 1, arbitrary: junk });
    const element = fc.oneof(...template.map(mutated));
    return fc.oneof(
      { weight: 36, arbitrary: fc.array(element, { maxLength: 6 }) },
      { weight: 3, arbitrary: fc.array(fc.oneof(element, junk), { maxLength: 6 }) },
      // A huge list: the real element many times over, one odd element somewhere in it (rare: it is slow to map).
      {
        weight: 1, arbitrary: fc.tuple(fc.constantFrom(...template), fc.integer({ min: 200, max: 3_000 }), element, fc.nat())
          .map(([e, n, odd, at]): Json => Array.from({ length: n }, (_, i) => (i === at % n ? odd : e))),
      },
      { weight: 3, arbitrary: junk },
    );
  }
  const keys = Object.keys(template).filter((k) => k !== '$errors');
  const fieldOps = keys.map((key) => fc.oneof(
    { weight: 40, arbitrary: mutated(template[key]!).map((value): FieldOp => ({ key, op: 'keep', value })) },
    { weight: 1, arbitrary: fc.constant<FieldOp>({ key, op: 'missing' }) },
    { weight: 1, arbitrary: fc.constant<FieldOp>({ key, op: 'keep', value: null }) },
    { weight: 1, arbitrary: junk.map((value): FieldOp => ({ key, op: 'junk', value })) },
    { weight: 2, arbitrary: fc.constant<FieldOp>({ key, op: 'withheld' }) },
    { weight: 1, arbitrary: fc.constant<FieldOp>({ key, op: 'listed' }) },
  ));
  const extras = fc.oneof(
    { weight: 10, arbitrary: fc.constant<[string, Json][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, junk), { minLength: 1, maxLength: 3 }) },
  );
  const dotted = keys.flatMap((k) => {
    const v = template[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((inner) => `${k}.${inner}`) : [];
  });
  return fc.tuple(fc.tuple(...fieldOps), extras, fc.subarray(dotted, { maxLength: Math.min(2, dotted.length) })).chain(([ops, extra, dottedListed]) => {
    const entries: [string, Json][] = [];
    const listed: string[] = [...dottedListed];
    for (const f of ops) {
      if (f.op === 'keep' || f.op === 'junk') entries.push([f.key, f.value]);
      else if (f.op === 'withheld') listed.push(f.key);
      else if (f.op === 'listed') {
        listed.push(f.key);
        entries.push([f.key, template[f.key]!]);
      }
    }
    const own = template.$errors;
    const errors: fc.Arbitrary<Json | undefined> = listed.length > 0 ? inlineErrors(listed) : fc.constant(own);
    return errors.map((e) => objectOf([...entries, ...(e === undefined ? [] : [['$errors', e] as [string, Json]]), ...extra]));
  });
}

/** Realistic leaf values by field name, collected from templates: `$fields`-shaped answers draw from it. */
export type ValuePool = ReadonlyMap<string, readonly Json[]>;

export function poolOf(templates: readonly Json[]): ValuePool {
  const pool = new Map<string, Json[]>();
  const walk = (v: Json, key: string | null) => {
    if (Array.isArray(v)) v.forEach((e) => walk(e, key));
    else if (v !== null && typeof v === 'object') for (const [k, inner] of Object.entries(v)) walk(inner, k);
    else if (key !== null) {
      const list = pool.get(key) ?? [];
      if (!list.includes(v)) list.push(v);
      pool.set(key, list);
    }
  };
  templates.forEach((t) => walk(t, null));
  return pool;
}

/** An answer with the keys of a `$fields` selection: nested selections become objects or arrays of them. */
export function shaped(nodes: readonly FieldNode[], pool: ValuePool): fc.Arbitrary<Json> {
  const field = (node: FieldNode): fc.Arbitrary<[string, Json] | null> => {
    const known = pool.get(node.name);
    const value: fc.Arbitrary<Json> = node.children
      ? fc.oneof(shaped(node.children, pool), fc.array(shaped(node.children, pool), { maxLength: 4 }))
      : known && known.length > 0
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: scalarJunk })
        : scalarJunk;
    return fc.oneof(
      { weight: 8, arbitrary: value.map((v): [string, Json] => [node.name, v]) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: junk.map((v): [string, Json] => [node.name, v]) },
    );
  };
  return fc.tuple(...nodes.map(field)).map((entries) => objectOf(entries.filter((e): e is [string, Json] => e !== null)));
}

/**
 * What a mapper can actually be handed: the value after `JSON.stringify` → `JSON.parse` (own `__proto__` keys,
 * no shared references). The generators above already build such values; this makes sure, for the client's
 * bodies, where the text is needed anyway.
 */
export function asJson(arb: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return arb.map((v) => JSON.parse(JSON.stringify(v)) as Json);
}

/** The answers one mapper is fuzzed with: mutated real answers most, shaped by its `$fields`, pure junk. */
export function answers(template: Json, fields: readonly FieldNode[] | null, pool: ValuePool): fc.Arbitrary<Json> {
  // Not round-tripped through JSON (it doubles the cost): every generator above builds plain JSON values, and the
  // mappers never write to what they read, so a repeated element may be one object.
  return (fc.oneof(
    { weight: 12, arbitrary: mutated(template) },
    ...(fields ? [{ weight: 4, arbitrary: shaped(fields, pool) }] : []),
    { weight: 2, arbitrary: junk },
    { weight: 1, arbitrary: nested(mutated(template)) },
  ));
}
