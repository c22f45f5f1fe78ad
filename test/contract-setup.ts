/**
 * Loaded into every unit and end-to-end test file: a request the demo Space server received during a test
 * that the published spec does not allow fails that test (scripts/contract/). A test that sends an invalid
 * request on purpose takes the violation itself with `takeContractViolations()` and asserts on it.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { formatViolations, contractCounts, takeContractViolations } from '../scripts/contract/log.ts';
import { writeFileReport } from '../scripts/contract/report.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let unexpected = 0;

afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length === 0) return;
  unexpected += violations.length;
  throw new Error(`The demo Space server received ${violations.length} request(s) that Space's published API does not allow:\n${formatViolations(violations)}`);
});

afterAll(() => {
  const counts = Object.fromEntries(contractCounts());
  if (Object.keys(counts).length === 0 && unexpected === 0) return;
  const file = (expect.getState().testPath ?? 'unknown').replace(ROOT, '');
  writeFileReport(ROOT, { file, counts, unexpectedViolations: unexpected });
});
