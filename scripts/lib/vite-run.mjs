#!/usr/bin/env node
// `node scripts/lib/vite-run.mjs <script.ts> [args…]`: runs a TypeScript script through Vite's module runner
// (`runnerImport`), so the modules it imports may use `import.meta.glob`, as src/kinds' registries do — tsx leaves
// it unresolved. The script sees its own arguments in `process.argv`, as under tsx. No config file: only Vite's
// own transforms (TypeScript, JSON, globs), none of the extension build's plugins.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  console.error('usage: node scripts/lib/vite-run.mjs <script.ts> [args…]');
  process.exit(2);
}
const file = resolve(script);
process.argv = [process.argv[0] ?? 'node', file, ...args];
await runnerImport(file, { configFile: false, logLevel: 'error' });
