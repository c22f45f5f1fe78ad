/**
 * The run-wide contract report: each test file leaves its request counts and unexpected violations in
 * test-results/contract/ (test/contract-setup.ts); the global setup clears that folder before the run and,
 * after it, prints one table of requests per spec operation and writes test-results/contract-report.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileContractReport {
  file: string;
  counts: Record<string, number>;
  /** Violations that failed a test (expected ones, taken by the test itself, are not counted). */
  unexpectedViolations: number;
}

export function reportDir(root: string): string {
  return join(root, 'test-results', 'contract');
}

export function clearReports(root: string): void {
  rmSync(reportDir(root), { recursive: true, force: true });
  mkdirSync(reportDir(root), { recursive: true });
}

export function writeFileReport(root: string, report: FileContractReport): void {
  mkdirSync(reportDir(root), { recursive: true });
  const name = `${report.file.replace(/[^A-Za-z0-9.-]+/g, '_')}-${process.pid}.json`;
  writeFileSync(join(reportDir(root), name), JSON.stringify(report));
}

export function summarize(root: string, title: string): string {
  if (!existsSync(reportDir(root))) return '';
  const files = readdirSync(reportDir(root)).filter((f) => f.endsWith('.json'));
  const counts = new Map<string, number>();
  let violations = 0;
  for (const f of files) {
    const report = JSON.parse(readFileSync(join(reportDir(root), f), 'utf8')) as FileContractReport;
    violations += report.unexpectedViolations;
    for (const [op, n] of Object.entries(report.counts)) counts.set(op, (counts.get(op) ?? 0) + n);
  }
  if (counts.size === 0) return '';
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    `## ${title}: requests per Space API operation, checked against the published spec`,
    '',
    '| operation | requests |',
    '|---|---:|',
    ...rows.map(([op, n]) => `| \`${op}\` | ${n} |`),
    `| **total** | **${total}** |`,
    '',
    `Contract violations that failed a test: ${violations}.`,
    '',
  ];
  const text = lines.join('\n');
  writeFileSync(join(root, 'test-results', `contract-report-${title.toLowerCase().replace(/\W+/g, '-')}.md`), text);
  return text;
}
