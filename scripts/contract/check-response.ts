/**
 * The contract check of answers: is a JSON body the demo server sends one that Space's published API (the vendored
 * spec, spec.ts) allows for that operation? The server runs it on every 200 JSON answer of the API before sending
 * it (before any fault spoils it on purpose), so every test that talks to the demo checks the demo's data and
 * handlers against the spec, not against the guesses the client was written from.
 *
 * Checked, walking the operation's 200 response schema through `$ref`, arrays, maps and unions:
 * - every key of every object is a property of its schema (`response-unknown-field`); `className` is allowed on
 *   polymorphic types, `$errors` on any object (Space's inline errors, restricted mode);
 * - every value has its schema's type, is a member of its enum, and is null only where the schema is nullable
 *   (`response-invalid-value`); dates (`format: date-time` / `full-date`, strings in the spec) are the wire's
 *   `{iso, timestamp}` / `{iso}` objects ([C] space-api.md §3);
 * - a union member is picked by `className` (the discriminator), else the body must fit one member;
 * - `$fields` is honored: a field the selection names explicitly and the schema requires must be there
 *   (`response-missing-field`; an object withheld with `$errors` excepted), and with a selection that names fields (no `*`),
 *   no other field may be (`response-unselected-field`). Without `$fields` (or for `*`) the spec cannot say which fields
 *   Space includes by default — its `required` lists heavy collections such as a profile's `absences` that no
 *   default answer carries — so only what is there is checked.
 */
import type { FieldSelection } from '../demo-space/fields.ts';
import { parseFields } from '../demo-space/fields.ts';
import type { ContractSpec, ContractViolation, SpecSchema } from './check-request.ts';
import { recordContractViolations } from './log.ts';
import { contractChecker, loadContractSpec } from './spec.ts';

const API_PREFIX = '/api/http';
const REF = '#/components/schemas/';
/** Violations reported per answer; a systematic mismatch in a 100-item page would otherwise repeat 100 times. */
const MAX_PER_ANSWER = 10;

let checker: ResponseChecker | null = null;

/**
 * Checks a JSON answer the demo is about to send for `method url` and records violations in the contract log (the
 * test that caused the request fails on them, like on a request the spec does not allow).
 */
export function checkResponseContract(method: string, url: URL, body: unknown): void {
  const apiPath = url.pathname.slice(API_PREFIX.length) || '/';
  const operation = contractChecker().operationFor(method, apiPath);
  if (operation === null || operation.response === undefined) return;
  const request = `${method} ${url.pathname}${url.search}`;
  let violations: ContractViolation[];
  try {
    const fields = url.searchParams.get('$fields');
    const selection = fields !== null && fields.trim() !== '' ? parseFields(fields) : null;
    checker ??= new ResponseChecker(loadContractSpec());
    violations = checker.check(operation.response, selection, body);
  } catch (error) {
    violations = [{ kind: 'response-invalid-value', detail: `answer could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
  }
  if (violations.length > 0) recordContractViolations(operation.name, violations, `answer to ${request}`);
}

export class ResponseChecker {
  constructor(private readonly spec: ContractSpec) {}

  /** Violations of `body` against `schema` (an operation's 200 response), given the request's `$fields`. */
  check(schema: SpecSchema, selection: FieldSelection | null, body: unknown): ContractViolation[] {
    const out: ContractViolation[] = [];
    this.value(body, schema, selection, '(answer)', out, false);
    return out.slice(0, MAX_PER_ANSWER);
  }

  private value(value: unknown, raw: SpecSchema, selection: FieldSelection | null, path: string, out: ContractViolation[], inUnion: boolean): void {
    if (out.length >= MAX_PER_ANSWER) return;
    if (value === null) {
      if (!this.nullable(raw)) out.push(invalid(`${path} is null; the spec does not allow null there`));
      return;
    }
    const schema = this.resolve(raw);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants !== undefined && variants.length > 0) return this.union(value, schema, variants, selection, path, out);
    if (schema.type === 'string' && (schema.format === 'date-time' || schema.format === 'full-date')) {
      return this.date(value, schema.format, path, out);
    }
    switch (schema.type) {
      case 'string':
        if (typeof value !== 'string') return void out.push(invalid(`${path} should be a string, is ${typeOf(value)}`));
        if (schema.enum !== undefined && !schema.enum.includes(value)) {
          out.push(invalid(`${path} is '${value}', not one of ${schema.enum.join(', ')}`));
        }
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) out.push(invalid(`${path} should be an integer, is ${typeOf(value)}`));
        return;
      case 'number':
        if (typeof value !== 'number') out.push(invalid(`${path} should be a number, is ${typeOf(value)}`));
        return;
      case 'boolean':
        if (typeof value !== 'boolean') out.push(invalid(`${path} should be a boolean, is ${typeOf(value)}`));
        return;
      case 'array':
        if (!Array.isArray(value)) return void out.push(invalid(`${path} should be an array, is ${typeOf(value)}`));
        value.forEach((item, i) => this.value(item, schema.items ?? {}, selection, `${path}[${i}]`, out, false));
        return;
      default:
        if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.allOf !== undefined || schema.type === 'object') {
          return this.object(value, schema, selection, path, out, inUnion);
        }
        // An untyped schema allows anything.
        return;
    }
  }

  private object(
    value: unknown, schema: SpecSchema, selection: FieldSelection | null, path: string, out: ContractViolation[], polymorphic: boolean,
  ): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void out.push(invalid(`${path} should be an object, is ${typeOf(value)}`));
    }
    const { properties, map, required } = this.shape(schema);
    const record = value as Record<string, unknown>;
    const withheld = Array.isArray(record.$errors);
    for (const [key, item] of Object.entries(record)) {
      if (key === '$errors' || (key === 'className' && polymorphic && !properties.has(key))) continue;
      // An object withheld with `$errors` keeps its id, asked for or not ([I] fields.ts `withheld`).
      if (selection !== null && !selection.all && !selection.fields.has(key) && !(withheld && key === 'id')) {
        out.push({ kind: 'response-unselected-field', detail: `${path}.${key} was not asked for in $fields` });
        continue;
      }
      const property = properties.get(key) ?? map;
      if (property === undefined) {
        out.push({ kind: 'response-unknown-field', detail: `${path}.${key} is not a property of the spec's schema here` });
        continue;
      }
      const sub = selection?.fields.get(key) ?? null;
      this.value(item, property, sub, `${path}.${key}`, out, false);
    }
    if (selection === null || withheld) return;
    for (const name of required) {
      if (selection.fields.has(name) && !(name in record)) {
        out.push({ kind: 'response-missing-field', detail: `${path}.${name} was asked for, is required by the spec, and is missing` });
      }
    }
  }

  /** A union: the member `className` names, else the first member the value fits. */
  private union(
    value: unknown, schema: SpecSchema, variants: readonly SpecSchema[], selection: FieldSelection | null, path: string, out: ContractViolation[],
  ): void {
    const className = typeof value === 'object' && value !== null ? (value as { className?: unknown }).className : undefined;
    if (typeof className === 'string') {
      const named = variants.find((v) => v.$ref === `${REF}${className}`);
      if (named === undefined) {
        const names = variants.map((v) => v.$ref?.slice(REF.length) ?? '?').join(', ');
        return void out.push(invalid(`${path}.className is '${className}', not one of ${names}`));
      }
      return this.value(value, named, selection, path, out, true);
    }
    let best: ContractViolation[] | null = null;
    for (const variant of variants) {
      const attempt: ContractViolation[] = [];
      this.value(value, variant, selection, path, attempt, true);
      if (attempt.length === 0) return;
      if (best === null || attempt.length < best.length) best = attempt;
    }
    // No member fits: report the union's own shape if it has one (className), else the closest member's complaints.
    if (schema.properties !== undefined && typeof value === 'object' && value !== null && !('className' in value)) {
      out.push(invalid(`${path} fits no member of the union and has no className to tell which it is`));
    }
    out.push(...(best ?? []));
  }

  /** `{iso, timestamp}` for a date-time, `{iso}` for a date (timestamp tolerated), as Space's wire sends them. */
  private date(value: unknown, format: string, path: string, out: ContractViolation[]): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void out.push(invalid(`${path} should be a ${format} object {iso${format === 'date-time' ? ', timestamp' : ''}}, is ${typeOf(value)}`));
    }
    const { iso, timestamp, ...rest } = value as Record<string, unknown>;
    const pattern = format === 'full-date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
    if (typeof iso !== 'string' || !pattern.test(iso)) out.push(invalid(`${path}.iso should be an ISO ${format}, is ${JSON.stringify(iso)}`));
    if (format === 'date-time' && typeof timestamp !== 'number') out.push(invalid(`${path}.timestamp should be epoch milliseconds, is ${typeOf(timestamp)}`));
    if (timestamp !== undefined && typeof timestamp !== 'number') out.push(invalid(`${path}.timestamp should be a number, is ${typeOf(timestamp)}`));
    for (const key of Object.keys(rest)) out.push({ kind: 'response-unknown-field', detail: `${path}.${key} is not part of a ${format} value` });
  }

  /** Properties, map values and required names of an object schema, with its allOf parts. */
  private shape(schema: SpecSchema): { properties: Map<string, SpecSchema>; map: SpecSchema | undefined; required: string[] } {
    const properties = new Map<string, SpecSchema>();
    const required: string[] = [];
    let map: SpecSchema | undefined;
    const visit = (raw: SpecSchema, depth: number): void => {
      if (depth > 16) return;
      const s = this.resolve(raw);
      for (const [name, property] of Object.entries(s.properties ?? {})) if (!properties.has(name)) properties.set(name, property);
      required.push(...(s.required ?? []));
      map ??= s.additionalProperties;
      for (const part of s.allOf ?? []) visit(part, depth + 1);
    };
    visit(schema, 0);
    return { properties, map, required };
  }

  /** Nullable on the reference itself (`{$ref, nullable: true}`) or on what it names. */
  private nullable(raw: SpecSchema): boolean {
    if (raw.nullable === true) return true;
    const schema = this.resolve(raw);
    if (schema.nullable === true) return true;
    return (schema.anyOf ?? schema.oneOf ?? []).some((v) => this.nullable(v));
  }

  private resolve(schema: SpecSchema): SpecSchema {
    let current = schema;
    for (let depth = 0; current.$ref !== undefined && depth < 16; depth++) {
      const target = this.spec.schemas[current.$ref.slice(REF.length)];
      if (target === undefined) throw new Error(`contract fixture lacks schema ${current.$ref}; re-run scripts/contract/extract-spec.mjs`);
      current = target;
    }
    return current;
  }
}

function invalid(detail: string): ContractViolation {
  return { kind: 'response-invalid-value', detail };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'missing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
