import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../demo-space/server.ts';
import { ContractChecker, type ContractSpec, type ViolationKind } from './check-request.ts';
import { takeContractViolations } from './log.ts';
import { contractChecker } from './spec.ts';

const check = (method: string, path: string, query = '') => contractChecker().check(method, path, new URLSearchParams(query));
const kinds = (method: string, path: string, query = ''): ViolationKind[] => check(method, path, query).violations.map((v) => v.kind);

describe('the published spec as the oracle (vendored Space 2024.3 export)', () => {
  it('accepts requests the client sends today', () => {
    expect(kinds('GET', '/team-directory/profiles/me', '$fields=id,username,name(firstName,lastName),emails(email,blocked)')).toEqual([]);
    expect(kinds('GET', '/projects/key:ABC/planning/issues', 'sorting=UPDATED&descending=true&$top=5&$fields=next,totalCount,data(id,number,title,status(name,resolved,color))')).toEqual([]);
    expect(kinds('GET', '/projects/key:ABC/code-reviews', 'state=&text=login&$fields=next,data(review(className,id,number,title,state,createdAt))')).toEqual([]);
  });

  it('names the operation by its spec template, preferring literal segments', () => {
    expect(check('GET', '/team-directory/profiles/username:alex').operation).toBe('GET /team-directory/profiles/{profile}');
    expect(check('GET', '/team-directory/profiles/working-days').operation).toBe('GET /team-directory/profiles/working-days');
    expect(check('GET', '/projects/key:ABC/planning/issues/number:12').operation).toBe('GET /projects/{project}/planning/issues/number:{number}');
    expect(check('GET', '/projects/key:ABC/planning/issues/key:ABC-T-12').operation).toBe('GET /projects/{project}/planning/issues/{issueId}');
    expect(check('GET', '/projects/key%3AABC/code-reviews').operation).toBe('GET /projects/{project}/code-reviews');
  });

  it('reports an unknown path', () => {
    expect(kinds('GET', '/team-directory/people')).toEqual(['unknown-path']);
    expect(kinds('GET', '/projects/key:ABC/issues')).toEqual(['unknown-path']);
    expect(kinds('GET', '/projects//code-reviews')).toEqual(['unknown-path']);
  });

  it('reports a method the path does not have', () => {
    expect(kinds('POST', '/team-directory/locations/abc')).toEqual(['unknown-method']);
    expect(kinds('PUT', '/team-directory/profiles/me')).toEqual(['unknown-method']);
  });

  it('reports an undeclared parameter', () => {
    expect(kinds('GET', '/team-directory/profiles', 'query=jo&term=jo')).toEqual(['unknown-parameter']);
    expect(kinds('GET', '/projects', 'query=abc')).toEqual(['unknown-parameter']);
  });

  it('reports a missing required parameter', () => {
    expect(kinds('GET', '/projects/key:ABC/planning/issues', 'descending=true')).toEqual(['missing-parameter']);
    expect(kinds('GET', '/projects/repositories/find', '$top=5')).toEqual(['missing-parameter']);
    expect(kinds('GET', '/issues', '')).toEqual(['missing-parameter']);
  });

  it('reports values that break the parameter schema', () => {
    expect(kinds('GET', '/projects/key:ABC/code-reviews', 'state=Open')).toEqual(['invalid-value']);
    expect(kinds('GET', '/projects/key:ABC/planning/issues', 'sorting=NEWEST&descending=true')).toEqual(['invalid-value']);
    expect(kinds('GET', '/projects/key:ABC/planning/issues', 'sorting=UPDATED&descending=yes')).toEqual(['invalid-value']);
    expect(kinds('GET', '/team-directory/profiles', '$top=ten')).toEqual(['invalid-value']);
    expect(kinds('GET', '/absences', 'since=02.12.2026')).toEqual(['invalid-value']);
    expect(kinds('GET', '/projects/key:ABC/planning/issues/number:twelve')).toEqual(['invalid-value']);
    expect(kinds('GET', '/projects/key:ABC/planning/issues/number:99999999999')).toEqual(['invalid-value']);
  });

  it('reads an empty value as null: valid only where the parameter is nullable', () => {
    // `state` is nullable (its default is Opened): empty = every state, as the SDKs send it.
    expect(kinds('GET', '/projects/key:ABC/code-reviews', 'state=')).toEqual([]);
    // `sort` has a default but is not nullable.
    expect(kinds('GET', '/projects/key:ABC/code-reviews', 'sort=')).toEqual(['invalid-value']);
    // `descending` is a required boolean.
    expect(kinds('GET', '/projects/key:ABC/planning/issues', 'sorting=UPDATED&descending=')).toEqual(['invalid-value']);
    // A free-form string takes the empty string as a value.
    expect(kinds('GET', '/team-directory/profiles', 'query=')).toEqual([]);
  });

  it('reports a non-array parameter given twice', () => {
    expect(kinds('GET', '/team-directory/profiles', 'query=a&query=b')).toEqual(['repeated-parameter']);
    expect(kinds('GET', '/absences', 'members=a&members=b')).toEqual([]);
  });

  it('reports $fields names the response schema does not have, at any depth', () => {
    const unknown = (fields: string, path = '/team-directory/profiles/me') => check('GET', path, `$fields=${fields}`).violations;
    expect(unknown('id,usrname').map((v) => v.detail)).toEqual([expect.stringContaining('usrname')]);
    expect(unknown('name(first)').map((v) => v.detail)).toEqual([expect.stringContaining('name.first')]);
    // Batch: next, totalCount and data(...) items.
    expect(unknown('next,data(id,nope)', '/team-directory/profiles').map((v) => v.detail)).toEqual([expect.stringContaining('data.nope')]);
    expect(unknown('cursor', '/team-directory/profiles').map((v) => v.kind)).toEqual(['unknown-field']);
    // Through $ref and arrays: memberships → TD_Membership → team → TD_Team.
    expect(unknown('memberships(team(id,name,title))').map((v) => v.detail)).toEqual([expect.stringContaining('memberships.team.title')]);
    expect(unknown('memberships(team(id,name))')).toEqual([]);
  });

  it('reports a sub-selection on a scalar field', () => {
    expect(kinds('GET', '/team-directory/profiles/me', '$fields=username(first)')).toEqual(['not-an-object']);
  });

  it('walks unions: a name is valid when an inheritor has it; className on polymorphic types', () => {
    // CodeReviewRecord = CommitSetReviewRecord | MergeRequestRecord: branchPairs only exists on merge requests.
    expect(kinds('GET', '/projects/key:ABC/code-reviews/number:1', '$fields=className,id,branchPairs(sourceBranch)')).toEqual([]);
    expect(kinds('GET', '/projects/key:ABC/code-reviews/number:1', '$fields=id,mergeCommit')).toEqual(['unknown-field']);
    // TD_MemberProfile is not polymorphic: no className there.
    expect(kinds('GET', '/team-directory/profiles/me', '$fields=className,id')).toEqual(['unknown-field']);
  });

  it('reports malformed $fields', () => {
    expect(kinds('GET', '/team-directory/profiles/me', '$fields=id,name(firstName')).toEqual(['fields-syntax']);
  });

  it('accepts * anywhere and maps by any key', () => {
    const spec: ContractSpec = {
      source: 'test',
      paths: { '/things/{id}': { get: { parameters: [{ name: '$fields', in: 'query', required: false, schema: { type: 'string' } }], response: { $ref: '#/components/schemas/Thing' } } } },
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' }, tags: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Tag' } } } },
        Tag: { type: 'object', properties: { label: { type: 'string' } } },
      },
    };
    const checker = new ContractChecker(spec);
    expect(checker.check('GET', '/things/1', new URLSearchParams('$fields=*,tags(anyKey(label))')).violations).toEqual([]);
    expect(checker.check('GET', '/things/1', new URLSearchParams('$fields=tags(anyKey(colour))')).violations.map((v) => v.kind)).toEqual(['unknown-field']);
  });
});

describe('the demo server checks every request it receives', () => {
  let server: DemoServer;
  beforeAll(async () => { server = await startDemoServer(); });
  afterAll(async () => { await server.close(); });

  it('records a violation for the test to fail on, whatever the demo answers', async () => {
    const response = await fetch(`${server.url}/api/http/team-directory/profiles?query=jo&order=SURNAME&$fields=data(id,nickname)`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    await response.arrayBuffer();
    const violations = takeContractViolations();
    expect(violations.map((v) => v.kind).sort()).toEqual(['invalid-value', 'unknown-field']);
    expect(violations[0]?.operation).toBe('GET /team-directory/profiles');
  });

  it('records nothing for a valid request, and never checks avatars or the control API', async () => {
    await (await fetch(`${server.url}/api/http/team-directory/profiles/me?$fields=id`, { headers: { Authorization: `Bearer ${server.token}` } })).arrayBuffer();
    await (await fetch(`${server.url}/d/nothing-here`, { headers: { Authorization: `Bearer ${server.token}` } })).arrayBuffer();
    await (await fetch(`${server.url}/__demo/info`)).arrayBuffer();
    expect(takeContractViolations()).toEqual([]);
  });
});
