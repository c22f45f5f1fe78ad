import { describe, expect, it } from 'vitest';
import { LARGE_ORGANIZATION } from './data-large.ts';
import { buildDataset } from './dataset.ts';
import { loadKindModules } from './kind-modules.ts';

const NOW = Date.UTC(2026, 11, 7, 9, 30);
const kinds = await loadKindModules();
const everyday = buildDataset(kinds, { now: NOW });
const large = buildDataset(kinds, { now: NOW, large: true });
const current = large.profiles.filter((p) => !p.archived);

describe('the large organization', () => {
  it('has the sizes issue 16 names', () => {
    expect(current.length).toBe(LARGE_ORGANIZATION.people);
    expect(large.teams.length).toBe(LARGE_ORGANIZATION.teams);
    expect(large.projects.length).toBe(LARGE_ORGANIZATION.projects);
    expect(large.projects.reduce((n, p) => n + p.repos.length, 0)).toBe(LARGE_ORGANIZATION.repositories);
    expect(large.channels.length).toBe(LARGE_ORGANIZATION.channels);
    expect(large.locations.length).toBeGreaterThan(everyday.locations.length + 50);
  });

  it('keeps every identifier unique: ids, user names, primary e-mails, project keys, repositories per project, channel names', () => {
    const unique = (xs: readonly string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(large.profiles.map((p) => p.id));
    unique(large.profiles.map((p) => p.username.toLowerCase()));
    unique(large.profiles.map((p) => (p.emails[0]?.email ?? '').toLowerCase()));
    unique(large.teams.map((t) => t.id));
    unique(large.projects.map((p) => p.key.key));
    for (const p of large.projects) unique(p.repos.map((r) => r.name));
    unique(large.channels.map((c) => c.id));
    unique(large.channels.map((c) => c.name));
    unique(large.locations.map((l) => l.id));
  });

  it('leaves the everyday organization as it is: same people, ids, projects and the demo user\'s scope', () => {
    for (const p of everyday.profiles) expect(large.profileById.get(p.id)?.username).toBe(p.username);
    for (const p of everyday.projects) expect(large.projectByKey.get(p.key.key)?.id).toBe(p.id);
    const memberOf = (ds: typeof large) => ds.projects.filter((p) => p.memberProfiles.includes(ds.demoUser)).map((p) => p.key.key);
    expect(memberOf(large)).toEqual(memberOf(everyday));
    expect(large.issues.length).toBe(everyday.issues.length);
  });

  it('has the name variety of a real directory: diacritics, Cyrillic, Greek, CJK, hyphenated and multi-part names', () => {
    const names = current.map((p) => `${p.name.firstName} ${p.name.lastName}`);
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    expect(count(/[\u0400-\u04ff]/u)).toBeGreaterThan(300);
    expect(count(/[\u0370-\u03ff\u1f00-\u1fff]/u)).toBeGreaterThan(150);
    expect(count(/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/u)).toBeGreaterThan(800);
    expect(count(/\p{Script=Latin}\p{M}|[À-ɏ]/u)).toBeGreaterThan(1000);
    expect(count(/\p{L}-\p{L}/u)).toBeGreaterThan(100);
    expect(current.filter((p) => p.name.lastName.includes(' ')).length).toBeGreaterThan(100);
    // Namesakes get numbered user names, as an administrator would give them.
    expect(current.some((p) => /\d$/.test(p.username))).toBe(true);
    expect(current.every((p) => /^[a-z0-9.]+$/.test(p.username))).toBe(true);
  });

  it('is the same on every build (seeded)', () => {
    const again = buildDataset(kinds, { now: NOW, large: true });
    expect(again.profiles.map((p) => [p.id, p.username, p.name.firstName])).toEqual(large.profiles.map((p) => [p.id, p.username, p.name.firstName]));
    expect(again.channels.map((c) => c.id)).toEqual(large.channels.map((c) => c.id));
  });

  it('links what it adds: every added person in a team, with a zone and working hours', () => {
    for (const p of current) {
      expect(large.timeZones.has(p.id)).toBe(true);
      expect(large.workingDays.has(p.id)).toBe(true);
      expect(p.memberships.length).toBeGreaterThan(0);
    }
  });
});
