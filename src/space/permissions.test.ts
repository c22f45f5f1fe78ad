import { describe, expect, it } from 'vitest';
import { permissionFromDescription } from './permissions.ts';
import { describePermission } from './test-support/describe.ts';

const TOKEN = 'tok_SENTINEL_123';

describe('permissionFromDescription', () => {
  it.each([
    ['Permission denied: Project.Issues.View', 'Project.Issues.View'],
    ['Missing right Profile.PermanentTokens.Manage in global context', 'Profile.PermanentTokens.Manage'],
    ["You don't have the 'View issues' permission", 'View issues'],
    ['Requires “View code reviews”', 'View code reviews'],
    ['Permission denied', undefined],
    ['', undefined],
    [null, undefined],
    ['Access denied to TD_MemberProfile.logins', undefined],
  ])('%j → %j', (description, permission) => {
    expect(permissionFromDescription(description, TOKEN)).toBe(permission);
  });

  it('never returns text overlapping the token', () => {
    expect(permissionFromDescription("Bad token 'Abcdef'", 'Abcdef')).toBeUndefined();
    expect(permissionFromDescription('Token Secret.Token.Value leaked', 'Secret.Token.Value')).toBeUndefined();
    expect(permissionFromDescription(`Token '${TOKEN}' lacks 'View issues'`, TOKEN)).toBe('View issues');
  });
});

describe('describePermission', () => {
  it('names known codes and UI names both ways', () => {
    expect(describePermission('Project.Issues.View')).toBe('“View issues” (Project.Issues.View)');
    expect(describePermission('View issues')).toBe('“View issues” (Project.Issues.View)');
    expect(describePermission('Profile.PermanentTokens.Manage')).toBe('“Profile.PermanentTokens.Manage”');
  });
});
