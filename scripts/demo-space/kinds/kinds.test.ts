/**
 * The demo server has one module per kind the extension shows, and nothing else in kinds/: a kind added to ALL_KINDS
 * without its demo endpoint fails here, as does a module for a kind the extension does not list (or a stray file), and
 * a module without its find → open case for the e2e suites (`e2e`, KindE2eCase in kind-kit.ts) or with a
 * `TODO(new-kind)` of the scaffold (scripts/new-kind.mjs) left in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../../../src/shared/kinds.ts';
import { contractChecker } from '../../contract/spec.ts';
import { buildDataset } from '../dataset.ts';
import { kindModuleNames, loadKindModules } from '../kind-modules.ts';

describe('kinds/: one demo module per kind of ALL_KINDS', () => {
  it('has a module for every kind, and no module for a kind ALL_KINDS lacks', async () => {
    expect(kindModuleNames()).toEqual([...ALL_KINDS].sort());
    const modules = await loadKindModules();
    expect(modules.map((m) => m.kind).sort()).toEqual([...ALL_KINDS].sort());
  });

  it('serves only operations of the published spec, each from one module', async () => {
    const seen = new Map<string, string>();
    for (const module of await loadKindModules()) {
      expect(module.routes.length, `kinds/${module.kind}.ts serves nothing`).toBeGreaterThan(0);
      for (const route of module.routes) {
        // A sample path: `member:`/`number:`/`alias:` parameters take their prefix, the rest any value.
        const path = route.segments.map((s) => ('literal' in s ? s.literal : `${s.constraint?.source.replace(/^\^/, '') ?? ''}1`)).join('/');
        const operation = contractChecker().operationFor(route.method, `/${path}`);
        expect(operation, `${route.method} ${route.pattern} (kinds/${module.kind}.ts) is not in the spec`).not.toBeNull();
        const key = `${route.method} ${route.pattern}`;
        expect(seen.get(key), `${key} is served by two modules`).toBeUndefined();
        seen.set(key, module.kind);
      }
    }
  });

  it('gives every kind its e2e case, whose query and URL come out of the demo data', async () => {
    const modules = await loadKindModules();
    const dataset = buildDataset(modules);
    const origin = 'http://127.0.0.1:1';
    for (const module of modules) {
      const e2e = module.e2e;
      expect(e2e, `kinds/${module.kind}.ts has no e2e case (defineKind({ …, e2e: { query, url } }))`).toBeDefined();
      if (!e2e) continue;
      const query = typeof e2e.query === 'string' ? e2e.query : e2e.query(dataset);
      expect(query.trim(), `kinds/${module.kind}.ts: the e2e query is empty`).not.toBe('');
      expect(e2e.url(origin, dataset).startsWith(`${origin}/`), `kinds/${module.kind}.ts: the e2e URL is not on the server`).toBe(true);
    }
  });

  it('has no TODO(new-kind) of the scaffold left in a module', () => {
    for (const name of kindModuleNames()) {
      const source = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8');
      expect(source.includes('TODO(new-kind)'), `kinds/${name}.ts still has a TODO(new-kind)`).toBe(false);
    }
  });
});
