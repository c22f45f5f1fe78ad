/**
 * The vendored spec (space-api-2024.3.json, written by extract-spec.mjs) and one shared checker for it.
 * Read from disk on first use rather than imported, so the type checker never has to type 650 kB of JSON.
 */
import { readFileSync } from 'node:fs';
import { ContractChecker, type ContractSpec } from './check-request.ts';

export const SPEC_FILE = new URL('./space-api-2024.3.json', import.meta.url);

let spec: ContractSpec | null = null;
let checker: ContractChecker | null = null;

export function loadContractSpec(): ContractSpec {
  spec ??= JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as ContractSpec;
  return spec;
}

export function contractChecker(): ContractChecker {
  checker ??= new ContractChecker(loadContractSpec());
  return checker;
}
