import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFields } from '../demo-space/fields.ts';
import { startDemoServer, type DemoServer } from '../demo-space/server.ts';
import { ResponseChecker } from './check-response.ts';
import { takeContractViolations } from './log.ts';
import { contractChecker, loadContractSpec } from './spec.ts';

const checker = new ResponseChecker(loadContractSpec());
/** Violation kinds of `body` as the answer to GET `path` with `fields` as `$fields` (null: none). */
const kinds = (path: string, body: unknown, fields: string | null = null): string[] => {
  const operation = contractChecker().operationFor('GET', path);
  if (operation?.response === undefined) throw new Error(`no response schema for ${path}`);
  return checker.check(operation.response, fields === null ? null : parseFields(fields), body).map((v) => v.kind);
};

const profile = { id: 'p1', username: 'jo', name: { firstName: 'Jo', lastName: 'Doe' }, archived: false, joined: { iso: '2024-03-01' } };

describe('answers checked against the published spec (vendored Space 2024.3 export)', () => {
  it('accepts an answer of the spec\'s shape, with dates as the wire\'s {iso, timestamp} objects', () => {
    expect(kinds('/team-directory/profiles/me', profile)).toEqual([]);
    expect(kinds('/team-directory/profiles/me', { ...profile, leftAt: { iso: '2025-01-02T03:04:05.000Z', timestamp: 1735787045000 } })).toEqual([]);
    expect(kinds('/team-directory/profiles', { next: '1', totalCount: 1, data: [profile] })).toEqual([]);
  });

  it('reports a field the schema does not have, at any depth', () => {
    expect(kinds('/team-directory/profiles/me', { ...profile, nickname: 'J' })).toEqual(['response-unknown-field']);
    expect(kinds('/team-directory/profiles', { next: '1', data: [{ ...profile, name: { firstName: 'Jo', middle: 'X' } }] })).toEqual(['response-unknown-field']);
  });

  it('reports wrong types, enum values outside the enum and null where the spec does not allow it', () => {
    expect(kinds('/team-directory/profiles/me', { ...profile, username: 5 })).toEqual(['response-invalid-value']);
    expect(kinds('/team-directory/profiles/me', { ...profile, archived: 'no' })).toEqual(['response-invalid-value']);
    expect(kinds('/team-directory/profiles/me', { ...profile, username: null })).toEqual(['response-invalid-value']);
    expect(kinds('/team-directory/profiles/me', { ...profile, about: null })).toEqual([]);
    expect(kinds('/team-directory/profiles/me', { ...profile, joined: '2024-03-01' })).toEqual(['response-invalid-value']);
    expect(kinds('/team-directory/profiles/me', { ...profile, gender: 'Robot' })).toEqual(['response-invalid-value']);
  });

  it('picks a union member by className, and reports a className that names none', () => {
    const path = '/projects/key:ABC/code-reviews/number:1';
    expect(kinds(path, { className: 'MergeRequestRecord', id: 'r', number: 1, branchPairs: [{ repository: 'backend', isMerged: false }] })).toEqual([]);
    // branchPairs is a merge request's: a commit-set review does not have it.
    expect(kinds(path, { className: 'CommitSetReviewRecord', id: 'r', branchPairs: [] })).toEqual(['response-unknown-field']);
    expect(kinds(path, { className: 'PullRequest', id: 'r' })).toEqual(['response-invalid-value']);
  });

  it('honors $fields: nothing that was not asked for, and every required field that was', () => {
    expect(kinds('/team-directory/profiles/me', { id: 'p1', username: 'jo' }, 'id,username')).toEqual([]);
    expect(kinds('/team-directory/profiles/me', { id: 'p1', username: 'jo', archived: false }, 'id,username')).toEqual(['response-unselected-field']);
    expect(kinds('/team-directory/profiles/me', { id: 'p1' }, 'id,username')).toEqual(['response-missing-field']);
    expect(kinds('/team-directory/profiles/me', { id: 'p1', name: { firstName: 'Jo' } }, 'id,name(firstName)')).toEqual([]);
    // `*` takes whatever the object has; a missing required field is the default answer's business.
    expect(kinds('/team-directory/profiles/me', { id: 'p1', archived: false }, '*')).toEqual([]);
  });

  it('accepts an object withheld with $errors: its id, asked for or not, and none of the required fields', () => {
    const withheld = { id: 'p2', $errors: [{ className: 'HA_InlineError.InaccessibleFields', fields: ['username'], message: '…' }] };
    expect(kinds('/projects/key:ABC/planning/issues/number:1', { assignee: withheld }, 'assignee(username)')).toEqual([]);
  });
});

describe('the demo server checks every JSON answer it sends', () => {
  let server: DemoServer;
  beforeAll(async () => { server = await startDemoServer(); });
  afterAll(async () => { await server.close(); });

  it('records a violation for the test to fail on when its data breaks the spec', async () => {
    const team = server.dataset.teams[0]!;
    const name = team.name;
    // Spoiled on purpose, for this request only: a team's name must be a string.
    (team as unknown as { name: unknown }).name = 42;
    try {
      const response = await fetch(`${server.url}/api/http/team-directory/teams/${team.id}?$fields=id,name`, {
        headers: { Authorization: `Bearer ${server.token}` },
      });
      await response.arrayBuffer();
    } finally {
      team.name = name;
    }
    const violations = takeContractViolations();
    expect(violations.map((v) => v.kind)).toEqual(['response-invalid-value']);
    expect(violations[0]?.operation).toBe('GET /team-directory/teams/{id}');
    expect(violations[0]?.detail).toContain('name');
  });

  it('records nothing for its own answers, nor for a fault that spoils one on purpose', async () => {
    const get = async (path: string): Promise<void> => {
      await (await fetch(`${server.url}/api/http${path}`, { headers: { Authorization: `Bearer ${server.token}` } })).arrayBuffer();
    };
    await get('/team-directory/profiles?query=jo');
    await get('/projects/key:ABC/code-reviews?state=');
    server.setFault('/team-directory/teams', { unreadableFirst: true, times: 1 });
    await get('/team-directory/teams');
    server.clearFaults();
    expect(takeContractViolations()).toEqual([]);
  });
});
