/**
 * Finds the kind modules: every `kinds/<kind>.ts` (tests aside), imported at startup. The demo server runs under
 * tsx and vitest, so there is no bundler glob; reading the folder keeps "a new kind's endpoint is one new file"
 * true, with no list to extend. kinds/kinds.test.ts checks the folder against ALL_KINDS (src/shared/kinds.ts).
 *
 * A kind module may import the helpers (kind-kit.ts and what it re-exports, lookup.ts, data-*.ts) but never the
 * server or dataset.ts at run time (types are fine): they load the modules.
 */
import { readdirSync } from 'node:fs';
import type { KindModule } from './kind-kit.ts';

const KINDS_DIR = new URL('./kinds/', import.meta.url);
const MODULE_FILE = /^([a-z][a-z0-9-]*)\.ts$/;

let loading: Promise<readonly KindModule[]> | null = null;

/** The kind modules, sorted by file name; each one's `kind` is its file name. Loaded once per process. */
export function loadKindModules(): Promise<readonly KindModule[]> {
  loading ??= importAll();
  return loading;
}

/** File names (without `.ts`) of the kind modules in kinds/. */
export function kindModuleNames(): string[] {
  return readdirSync(KINDS_DIR)
    .flatMap((file) => {
      const name = MODULE_FILE.exec(file)?.[1];
      return name !== undefined && !file.endsWith('.test.ts') ? [name] : [];
    })
    .sort();
}

async function importAll(): Promise<readonly KindModule[]> {
  return Promise.all(kindModuleNames().map(async (name) => {
    // The specifier is a file of our own kinds/ folder whose name matched MODULE_FILE, never outside input.
    // eslint-disable-next-line no-unsanitized/method
    const loaded = (await import(new URL(`${name}.ts`, KINDS_DIR).href)) as { default?: KindModule };
    const module = loaded.default;
    if (module === undefined || typeof module.kind !== 'string' || !Array.isArray(module.routes)) {
      throw new Error(`kinds/${name}.ts must export default defineKind({ kind, routes, … })`);
    }
    if (module.kind !== name) throw new Error(`kinds/${name}.ts declares kind '${module.kind}'; a module's kind is its file name`);
    return module;
  }));
}
