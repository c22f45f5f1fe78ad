/**
 * The contract check: is a request valid against Space's published API (the OpenAPI export of a Space 2024.3
 * server, vendored by extract-spec.mjs)? The demo server runs it on every request it receives, so a test that
 * makes the client send something real Space would not understand fails, however the demo answers.
 *
 * Checked, per request under `/api/http`:
 * - the path matches a template of the spec and the method exists on it;
 * - every query parameter is declared for that operation (`name[]` counts as `name`), non-array parameters
 *   appear once, and every required parameter is present;
 * - each value fits its schema: integers, booleans, enum members; an empty value is `null`, so it is valid
 *   only where the parameter is nullable (or a free-form string);
 * - integer path parameters (`number:{number}`) are integers;
 * - every field named in `$fields` exists on the response schema at that depth, walking `$ref`, arrays,
 *   Batch `data`, `anyOf`/`oneOf`/`allOf` unions (a name is valid when any inheritor has it) and maps; a
 *   sub-selection on a scalar field is an error. `*` is always valid; `className` is valid on polymorphic types.
 *
 * Known gap: the spec types dates as strings while the wire sends `{iso, timestamp}` objects (space-api.md §3),
 * so a sub-selection on a date field would be reported although Space accepts it. The client never sends one.
 */
import { FieldsSyntaxError, parseFields, type FieldSelection } from '../demo-space/fields.ts';

export interface SpecSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  default?: unknown;
  required?: string[];
  $ref?: string;
  discriminator?: { propertyName: string };
  properties?: Record<string, SpecSchema>;
  items?: SpecSchema;
  additionalProperties?: SpecSchema;
  anyOf?: SpecSchema[];
  oneOf?: SpecSchema[];
  allOf?: SpecSchema[];
}

export interface SpecParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: SpecSchema;
}

export interface SpecOperation {
  parameters?: SpecParameter[];
  response?: SpecSchema;
  rights?: string[];
}

export interface ContractSpec {
  source: string;
  paths: Record<string, Record<string, SpecOperation>>;
  schemas: Record<string, SpecSchema>;
}

export type ViolationKind =
  | 'unknown-path'
  | 'unknown-method'
  | 'unknown-parameter'
  | 'repeated-parameter'
  | 'missing-parameter'
  | 'invalid-value'
  | 'fields-syntax'
  | 'unknown-field'
  | 'not-an-object'
  // Answers the demo sends (check-response.ts):
  | 'response-unknown-field'
  | 'response-invalid-value'
  | 'response-missing-field'
  | 'response-unselected-field';

export interface ContractViolation {
  kind: ViolationKind;
  /** Human-readable: which parameter or field, and what was wrong. */
  detail: string;
}

export interface ContractResult {
  /** `GET /projects/{project}/code-reviews`, or `GET <path>` when the path matched no template. */
  operation: string;
  violations: ContractViolation[];
}

interface CompiledTemplate {
  template: string;
  segments: { regex: RegExp; params: string[]; literalChars: number; literal: boolean }[];
}

/** A checker bound to one spec: templates are compiled once. */
export class ContractChecker {
  private readonly templates: CompiledTemplate[];

  constructor(private readonly spec: ContractSpec) {
    this.templates = Object.keys(spec.paths).map(compileTemplate);
  }

  /**
   * `apiPath` is relative to `/api/http` and still percent-encoded (as on the wire), e.g.
   * `/projects/key:ABC/code-reviews`; `query` is the request's search parameters.
   */
  check(method: string, apiPath: string, query: URLSearchParams): ContractResult {
    const verb = method.toUpperCase();
    const segments = splitPath(apiPath);
    if (segments === null) return { operation: `${verb} ${apiPath}`, violations: [violation('unknown-path', `${apiPath} is not a valid path`)] };
    const match = this.match(segments);
    if (match === null) {
      return { operation: `${verb} ${apiPath}`, violations: [violation('unknown-path', `no path of the spec matches ${apiPath}`)] };
    }
    const operation = `${verb} ${match.template}`;
    const op = this.spec.paths[match.template]?.[verb.toLowerCase()];
    if (op === undefined) {
      const allowed = Object.keys(this.spec.paths[match.template] ?? {}).map((m) => m.toUpperCase()).join(', ');
      return { operation, violations: [violation('unknown-method', `${verb} is not defined on ${match.template} (only ${allowed})`)] };
    }
    return { operation, violations: [...this.checkPathParams(op, match.params), ...this.checkQuery(op, query)] };
  }

  /** The spec operation a request names (its template and 200 response schema), or null when there is none. */
  operationFor(method: string, apiPath: string): { name: string; response?: SpecSchema } | null {
    const verb = method.toUpperCase();
    const segments = splitPath(apiPath);
    const match = segments === null ? null : this.match(segments);
    const op = match === null ? undefined : this.spec.paths[match.template]?.[verb.toLowerCase()];
    if (match === null || op === undefined) return null;
    return { name: `${verb} ${match.template}`, ...(op.response !== undefined ? { response: op.response } : {}) };
  }

  private match(segments: string[]): { template: string; params: Record<string, string> } | null {
    let best: { template: string; params: Record<string, string>; score: number[] } | null = null;
    for (const candidate of this.templates) {
      if (candidate.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const seg = candidate.segments[i] as CompiledTemplate['segments'][number];
        const m = seg.regex.exec(segments[i] as string);
        if (!m) {
          ok = false;
          break;
        }
        seg.params.forEach((name, j) => { params[name] = m[j + 1] as string; });
        // Literal segments beat mixed ones (`number:{number}`), which beat bare parameters, left to right.
        score.push(seg.literal ? 1_000_000 : seg.literalChars);
      }
      if (ok && (best === null || compareScores(score, best.score) > 0)) best = { template: candidate.template, params, score };
    }
    return best === null ? null : { template: best.template, params: best.params };
  }

  private checkPathParams(op: SpecOperation, values: Record<string, string>): ContractViolation[] {
    const out: ContractViolation[] = [];
    for (const param of op.parameters ?? []) {
      if (param.in !== 'path') continue;
      const value = values[param.name];
      if (value === undefined) continue;
      const problem = this.valueProblem(param.schema, value);
      if (problem !== null) out.push(violation('invalid-value', `path parameter ${param.name}=${JSON.stringify(value)}: ${problem}`));
    }
    return out;
  }

  private checkQuery(op: SpecOperation, query: URLSearchParams): ContractViolation[] {
    const out: ContractViolation[] = [];
    const declared = new Map((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const seen = new Map<string, string[]>();
    for (const [rawKey, value] of query) {
      const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
      const list = seen.get(key) ?? [];
      list.push(value);
      seen.set(key, list);
    }
    for (const [name, values] of seen) {
      const param = declared.get(name);
      if (param === undefined) {
        out.push(violation('unknown-parameter', `${name} is not a parameter of this operation`));
        continue;
      }
      const schema = this.resolve(param.schema);
      const isArray = schema.type === 'array';
      if (!isArray && values.length > 1) out.push(violation('repeated-parameter', `${name} is given ${values.length} times but is not an array`));
      if (name === '$fields') {
        out.push(...this.checkFields(values[0] as string, op.response));
        continue;
      }
      const itemSchema = isArray ? schema.items ?? {} : param.schema;
      for (const value of values) {
        const problem = this.valueProblem(itemSchema, value, isArray ? schema.nullable === true : undefined);
        if (problem !== null) out.push(violation('invalid-value', `${name}=${JSON.stringify(value)}: ${problem}`));
      }
    }
    for (const param of declared.values()) {
      if (param.required && !seen.has(param.name)) out.push(violation('missing-parameter', `required parameter ${param.name} is missing`));
    }
    return out;
  }

  /** Null when `value` is valid for `raw`; otherwise what is wrong. */
  private valueProblem(raw: SpecSchema, value: string, nullableOverride?: boolean): string | null {
    const schema = this.resolve(raw);
    const nullable = nullableOverride === true || raw.nullable === true || schema.nullable === true;
    if (value === '') {
      if (nullable) return null;
      if (schema.type === 'string' && schema.enum === undefined) return null;
      return `an empty value means null, and this ${describe(schema)} parameter is not nullable`;
    }
    if (schema.enum !== undefined) {
      return schema.enum.includes(value) ? null : `not one of ${schema.enum.join(' | ')}`;
    }
    switch (schema.type) {
      case 'integer': {
        if (!/^-?\d+$/.test(value)) return 'not an integer';
        const n = Number(value);
        if (schema.format === 'int32' && (n < -(2 ** 31) || n >= 2 ** 31)) return 'outside the int32 range';
        return Number.isSafeInteger(n) ? null : 'outside the int64 range a client can send exactly';
      }
      case 'number':
        return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'not a number';
      case 'boolean':
        return value === 'true' || value === 'false' ? null : 'not true or false';
      case 'string':
        if (schema.format === 'full-date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'not a date (YYYY-MM-DD)';
        if (schema.format === 'date-time') return Number.isNaN(Date.parse(value)) ? 'not a date-time' : null;
        return null;
      default:
        return null;
    }
  }

  private checkFields(text: string, response: SpecSchema | undefined): ContractViolation[] {
    let selection: FieldSelection;
    try {
      selection = parseFields(text);
    } catch (e) {
      if (e instanceof FieldsSyntaxError) return [violation('fields-syntax', `$fields: ${e.message}`)];
      throw e;
    }
    if (response === undefined) {
      return selection.fields.size === 0 ? [] : [violation('unknown-field', '$fields names fields but the operation returns no JSON')];
    }
    const out: ContractViolation[] = [];
    this.walkFields(selection, response, '', out);
    return out;
  }

  private walkFields(selection: FieldSelection, schema: SpecSchema, at: string, out: ContractViolation[]): void {
    const target = this.elementOf(schema);
    const shape = this.shapeOf(target);
    if (shape === null) {
      out.push(violation('not-an-object', `$fields selects ${formatNames(selection)} inside ${at || 'the response'}, which is not an object`));
      return;
    }
    for (const [name, sub] of selection.fields) {
      const path = at === '' ? name : `${at}.${name}`;
      const field = shape.properties.get(name) ?? (name === 'className' && shape.polymorphic ? { type: 'string' } : shape.map);
      if (field === undefined) {
        out.push(violation('unknown-field', `$fields names ${path}, which ${at === '' ? 'the response' : at} does not have`));
        continue;
      }
      if (sub !== null) this.walkFields(sub, field, path, out);
    }
  }

  /** Arrays select into their items (a Batch's `data(…)`, `emails(email)`). */
  private elementOf(schema: SpecSchema): SpecSchema {
    let current = this.resolve(schema);
    for (let depth = 0; current.type === 'array' && current.items && depth < 8; depth++) current = this.resolve(current.items);
    return current;
  }

  /** Every property any variant of the schema has; null for scalars. */
  private shapeOf(schema: SpecSchema): { properties: Map<string, SpecSchema>; polymorphic: boolean; map?: SpecSchema } | null {
    const properties = new Map<string, SpecSchema>();
    let polymorphic = false;
    let objectLike = false;
    let map: SpecSchema | undefined;
    const visit = (raw: SpecSchema, depth: number): void => {
      if (depth > 16) return;
      const s = this.resolve(raw);
      if (s.discriminator) polymorphic = true;
      if (s.properties) {
        objectLike = true;
        for (const [name, value] of Object.entries(s.properties)) if (!properties.has(name)) properties.set(name, value);
      }
      if (s.additionalProperties) {
        objectLike = true;
        map = s.additionalProperties;
      }
      if (s.type === 'object') objectLike = true;
      const variants = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
      if (variants.length > 1 && (s.anyOf || s.oneOf)) polymorphic = true;
      for (const variant of variants) visit(variant, depth + 1);
    };
    visit(schema, 0);
    if (!objectLike) return null;
    return map === undefined ? { properties, polymorphic } : { properties, polymorphic, map };
  }

  private resolve(schema: SpecSchema): SpecSchema {
    let current = schema;
    for (let depth = 0; current.$ref !== undefined && depth < 16; depth++) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = this.spec.schemas[name];
      if (target === undefined) throw new Error(`contract fixture lacks schema ${name}; re-run scripts/contract/extract-spec.mjs`);
      current = target;
    }
    return current;
  }
}

function compileTemplate(template: string): CompiledTemplate {
  const segments = template.split('/').slice(1).map((part) => {
    const params: string[] = [];
    let literalChars = 0;
    const source = part.split(/(\{[^}]+\})/).map((piece) => {
      const param = /^\{([^}]+)\}$/.exec(piece)?.[1];
      if (param !== undefined) {
        params.push(param);
        return '(.+)';
      }
      literalChars += piece.length;
      return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('');
    return { regex: new RegExp(`^${source}$`), params, literalChars, literal: params.length === 0 };
  });
  return { template, segments };
}

/** Decoded segments of `/a/b%2Fc`; null when a segment can't be decoded or is empty. */
function splitPath(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  const parts = path.split('/').slice(1);
  try {
    const decoded = parts.map((p) => decodeURIComponent(p));
    return decoded.some((p) => p === '') ? null : decoded;
  } catch {
    return null;
  }
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return 0;
}

function describe(schema: SpecSchema): string {
  return schema.enum !== undefined ? 'enum' : schema.type ?? 'untyped';
}

function formatNames(selection: FieldSelection): string {
  return [...selection.fields.keys()].join(', ') || '*';
}

function violation(kind: ViolationKind, detail: string): ContractViolation {
  return { kind, detail };
}
