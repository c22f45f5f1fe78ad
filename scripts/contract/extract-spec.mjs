#!/usr/bin/env node
/**
 * Vendors the structure of Space's published OpenAPI export into the repository, so the contract check in
 * tests never reads ../shared at run time:
 *
 *   node scripts/contract/extract-spec.mjs [path/to/space-openapi-2024.3.json]
 *
 * Kept: every path and method (so an unknown path or method is a violation, not "not vendored"), the
 * parameters and the 200 response schema of GET and DELETE operations (the only methods the client sends),
 * their `x-rights` titles, and every component schema those responses reach — reduced to type, format,
 * enum, nullable, default, properties, required, items, $ref, anyOf/oneOf/allOf and discriminator.
 * Dropped: descriptions, summaries, examples, request bodies (the client sends none) and unreachable schemas.
 * The output is deterministic (sorted keys), so re-running it on the same input changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = process.argv[2] ?? join(HERE, '../../../shared/space-openapi-2024.3.json');
const TARGET = join(HERE, 'space-api-2024.3.json');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const DETAILED = new Set(['get', 'delete']);
const SCHEMA_KEYS = ['type', 'format', 'enum', 'nullable', 'default', 'required', '$ref', 'discriminator'];

const spec = JSON.parse(readFileSync(SOURCE, 'utf8'));
const components = spec.components?.schemas ?? {};
const reached = new Set();

/** The structural part of a schema; records every component it refers to. */
function slim(schema) {
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const key of SCHEMA_KEYS) {
    if (schema[key] === undefined) continue;
    if (key === '$ref') reach(schema.$ref);
    out[key] = key === 'discriminator' ? { propertyName: schema.discriminator.propertyName } : schema[key];
  }
  if (schema.properties) {
    out.properties = {};
    for (const [name, value] of Object.entries(schema.properties)) out.properties[name] = slim(value);
  }
  if (schema.items) out.items = slim(schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = slim(schema.additionalProperties);
  }
  for (const union of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(schema[union])) out[union] = schema[union].map(slim);
  }
  return out;
}

function reach(ref) {
  const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
  if (name === undefined) throw new Error(`unsupported $ref ${ref}`);
  if (reached.has(name)) return;
  reached.add(name);
  if (!components[name]) throw new Error(`dangling $ref ${ref}`);
}

const paths = {};
for (const [path, item] of Object.entries(spec.paths)) {
  const ops = {};
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    if (!DETAILED.has(method)) {
      ops[method] = {};
      continue;
    }
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => ({
      name: p.name, in: p.in, required: p.required === true, schema: slim(p.schema ?? {}),
    }));
    const response = op.responses?.['200']?.content?.['application/json']?.schema;
    const rights = (op['x-rights'] ?? []).map((r) => r.title).filter((t) => typeof t === 'string');
    ops[method] = { parameters, ...(response ? { response: slim(response) } : {}), ...(rights.length ? { rights } : {}) };
  }
  paths[path] = ops;
}

// Components reached from responses can reach further components: walk until nothing new appears.
const schemas = {};
for (let grew = true; grew;) {
  grew = false;
  for (const name of [...reached]) {
    if (schemas[name] !== undefined) continue;
    schemas[name] = slim(components[name]);
    grew = true;
  }
}

const sorted = (value) => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
};

const out = {
  source: `Space ${spec.info?.version ?? '?'} OpenAPI export (structure only; see scripts/contract/extract-spec.mjs)`,
  paths: sorted(paths),
  schemas: sorted(schemas),
};
writeFileSync(TARGET, `${JSON.stringify(out)}\n`);
console.log(`[contract] ${Object.keys(paths).length} paths, ${Object.keys(schemas).length} schemas → ${TARGET} (${(JSON.stringify(out).length / 1024).toFixed(0)} kB)`);
