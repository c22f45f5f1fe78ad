/**
 * Where contract results go inside one test process: every demo server started in it records here, the
 * vitest setup file (test/contract-setup.ts) fails the test that caused a violation and, after the file,
 * writes the per-operation request counts for the run's report (report.ts).
 */
import type { ContractResult, ContractViolation } from './check-request.ts';

export interface LoggedViolation extends ContractViolation {
  operation: string;
  /** The request as sent: method, path and query (the demo never sees a real token or secret here). */
  request: string;
}

const counts = new Map<string, number>();
let pending: LoggedViolation[] = [];
let total = 0;
let listener: ((violation: LoggedViolation) => void) | null = null;

/** Out of tests (the demo server's CLI) nobody takes violations: the CLI prints each one as it happens. */
export function onContractViolation(print: ((violation: LoggedViolation) => void) | null): void {
  listener = print;
}

/** A request's check: counted per operation, its violations logged. */
export function recordContractResult(result: ContractResult, request: string): void {
  counts.set(result.operation, (counts.get(result.operation) ?? 0) + 1);
  recordContractViolations(result.operation, result.violations, request);
}

/** Violations found without a request to count (the check of an answer, check-response.ts). */
export function recordContractViolations(operation: string, violations: readonly ContractViolation[], request: string): void {
  for (const v of violations) {
    const logged = { ...v, operation, request };
    pending.push(logged);
    total += 1;
    listener?.(logged);
  }
}

/** Violations since the last call, and forget them (a test that expects one takes it). */
export function takeContractViolations(): LoggedViolation[] {
  const taken = pending;
  pending = [];
  return taken;
}

/** Requests per spec operation (`GET /projects/{project}/code-reviews` → 12) since the process started. */
export function contractCounts(): ReadonlyMap<string, number> {
  return counts;
}

/** Every violation recorded in this process, taken or not. */
export function contractViolationTotal(): number {
  return total;
}

export function formatViolations(violations: readonly LoggedViolation[]): string {
  return violations.map((v) => `  ${v.kind}: ${v.detail}\n    in ${v.request} (${v.operation})`).join('\n');
}
