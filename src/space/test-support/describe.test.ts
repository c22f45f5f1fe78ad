import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeSpaceError, OPERATION_PERMISSION } from './describe.ts';
import type { SpaceErrorCode, SpaceOperation } from '../errors.ts';
import { SpaceError } from '../errors.ts';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const CODES: Record<SpaceErrorCode, true> = {
  'invalid-url': true, 'unauthorized': true, 'forbidden': true, 'not-found': true, 'invalid-request': true,
  'unsupported': true, 'rate-limited': true, 'server': true, 'unreachable': true, 'timeout': true,
  'cancelled': true, 'bad-response': true,
};
const OPS: SpaceOperation[] = [...Object.keys(OPERATION_PERMISSION), 'someKind.newCall'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('describe.ts stays out of the extension', () => {
  it('no module the extension bundles imports it, or another *-describe.ts (only tests and Node tools may)', () => {
    const describeModule = /(?:from\s+|import\(\s*)['"][^'"]*[/-]describe(?:\.ts)?['"]/;
    const importers = sourceFiles(SRC)
      .filter((file) => describeModule.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual([]);
  });
});

describe('describeSpaceError', () => {
  it.each(Object.keys(CODES) as SpaceErrorCode[])('%s reads as English for every operation, with no gaps', (code) => {
    for (const op of OPS) {
      for (const details of [{}, { host: 'space.example.com', op, subject: 'ABC-T-1', status: 503, retryAfterMs: 4000 }]) {
        const { message, hint } = describeSpaceError(new SpaceError(code, details));
        for (const text of [message, hint]) {
          expect(text.length).toBeGreaterThan(10);
          expect(text).not.toMatch(/undefined|null|\[object|NaN/);
        }
      }
    }
  });

  it('words each operation and its subject', () => {
    const e = (op: SpaceOperation, subject?: string) => describeSpaceError(new SpaceError('not-found', { host: 'h', op, ...(subject ? { subject } : {}) })).message;
    expect(e('issue', 'ABC-T-1')).toBe("Issue ABC-T-1 wasn't found on h.");
    expect(e('searchReviews', 'ABC')).toBe("Project ABC wasn't found on h.");
    expect(e('person', 'alex')).toBe("@alex wasn't found on h.");
    expect(e('repository', 'ABC/web')).toBe("Repository ABC/web wasn't found on h.");
  });

  it('names the documented permission when Space named none, and the named one otherwise', () => {
    const hint = describeSpaceError(new SpaceError('forbidden', { op: 'searchReviews', status: 403 })).hint;
    expect(hint).toContain('“View code reviews” (Project.CodeReview.View)');
    const named = describeSpaceError(new SpaceError('forbidden', { op: 'team', permission: 'Team.View' })).message;
    expect(named).toBe('Your token doesn\'t have the “View teams” (Team.View) permission needed for looking up a team.');
  });

  it('keeps the special cases: expired tokens, keys that are not keys, pictures refused to tokens', () => {
    expect(describeSpaceError(new SpaceError('unauthorized', { host: 'h', reason: 'expired' })).message).toBe('The token for h has expired.');
    expect(describeSpaceError(new SpaceError('not-found', { op: 'review', subject: 'nope', reason: 'not-a-key' })).hint).toMatch(/ABC-MR-12/);
    expect(describeSpaceError(new SpaceError('unsupported', { host: 'h', op: 'avatar', status: 403 })).message)
      .toBe("h doesn't serve profile pictures to tokens.");
    expect(describeSpaceError(new SpaceError('rate-limited', { retryAfterMs: 120_000 })).hint).toBe('Try again in 2 minutes.');
  });
});
