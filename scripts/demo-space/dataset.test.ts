import { describe, expect, it } from 'vitest';
import { HOSTILE_PROJECT_KEY, HOSTILE_STRINGS, HOSTILE_USERNAME } from './data-hostile.ts';
import { buildDataset } from './dataset.ts';
import { projectFields } from './fields.ts';
import { loadKindModules } from './kind-modules.ts';
import { materializeAbsences } from './kinds/person.ts';
import { isoDay } from './wire.ts';

const NOW = Date.UTC(2026, 10, 29, 13, 37);
const kinds = await loadKindModules();
const ds = buildDataset(kinds, { now: NOW });
const current = ds.profiles.filter((p) => !p.archived);

describe('the demo organization', () => {
  it('has enough people for paging, plus past members', () => {
    expect(current.length).toBeGreaterThanOrEqual(120);
    expect(ds.profiles.some((p) => p.archived)).toBe(true);
    expect(new Set(ds.profiles.map((p) => p.username)).size).toBe(ds.profiles.length);
    expect(new Set(ds.profiles.map((p) => p.id)).size).toBe(ds.profiles.length);
  });

  it('has names in many scripts and the awkward cases a people search must handle', () => {
    const names = ds.profiles.map((p) => `${p.name.firstName} ${p.name.lastName}`);
    for (const expected of ['Zoë', 'Łukasz', '山田', "O'Brien", 'Ἀθηνᾶ', 'Дмитрий', 'محمد', 'Nguyễn', 'Søren']) {
      expect(names.some((n) => n.includes(expected)), expected).toBe(true);
    }
    expect(ds.profiles.some((p) => p.username.startsWith('jonathan'))).toBe(true);
    expect(current.filter((p) => p.name.firstName.toLowerCase().startsWith('jo')).length).toBeGreaterThanOrEqual(5);
  });

  it('has the demo user, member of some projects and starring a couple', () => {
    expect(ds.demoUser.username).toBe('alex.demo');
    const memberOf = ds.projects.filter((p) => p.memberProfiles.includes(ds.demoUser));
    expect(memberOf.length).toBeGreaterThanOrEqual(3);
    expect(ds.starredProjects.get(ds.demoUser.id)?.size).toBeGreaterThanOrEqual(2);
  });

  it('has offices in the required time zones and everybody has a zone and working hours', () => {
    const zones = new Set(ds.locations.map((l) => l.tz).filter(Boolean));
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Asia/Kolkata']) expect(zones).toContain(zone);
    for (const p of ds.profiles) {
      expect(ds.timeZones.get(p.id)).toBeTruthy();
      const hours = ds.workingDays.get(p.id)?.workingDaysSpec.workingHours ?? [];
      expect(hours.filter((h) => h.checked).length).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(ds.profiles.map((p) => JSON.stringify(ds.workingDays.get(p.id)?.workingDaysSpec.workingHours[1]?.interval))).size)
      .toBeGreaterThan(3);
  });

  it('has a team tree with leads, and locations nested region → building → room', () => {
    expect(ds.teams.some((t) => t.parent !== null)).toBe(true);
    expect(ds.teams.filter((t) => t.defaultManager !== null).length).toBeGreaterThanOrEqual(10);
    const room = ds.locations.find((l) => l.type === 'ConferenceRoom');
    expect(room?.parent?.type).toBe('Building');
    expect(room?.parent?.parent?.type).toMatch(/Region|Campus/);
  });

  it('has at least six projects with issues, repositories and both kinds of code review', () => {
    expect(ds.projects.length).toBeGreaterThanOrEqual(6);
    for (const p of ds.projects) {
      expect(ds.issuesByProject.get(p.id)?.length ?? 0).toBeGreaterThan(0);
      expect(p.repos.length).toBeGreaterThan(0);
      for (const r of p.repos) expect(r.defaultBranch?.head).toMatch(/^refs\/heads\//);
    }
    const kinds = new Set(ds.reviews.map((r) => r.review.className));
    expect(kinds).toEqual(new Set(['MergeRequestRecord', 'CommitSetReviewRecord']));
    expect(new Set(ds.reviews.map((r) => r.review.state))).toEqual(new Set(['Opened', 'Closed']));
    expect(ds.issues.some((i) => i.dueDate !== null) && ds.issues.some((i) => i.assignee === null)).toBe(true);
  });

  it('has merged and closed merge requests with distinctive title words (found only with every state)', () => {
    const abc = ds.projectByKey.get('ABC');
    const reviews = (ds.reviewsByProject.get(abc?.id ?? '') ?? []).map((r) => r.review);
    const titled = (word: string) => reviews.filter((r) => r.title.toLowerCase().includes(word));
    const merged = titled('heliopause');
    expect(merged.map((r) => [r.number, r.className, r.state])).toEqual([[22, 'MergeRequestRecord', 'Closed']]);
    expect(merged[0]?.className === 'MergeRequestRecord' && merged[0].branchPairs.every((b) => b.isMerged)).toBe(true);
    const closed = titled('quasar');
    expect(closed.map((r) => [r.number, r.className, r.state])).toEqual([[21, 'MergeRequestRecord', 'Closed']]);
    expect(closed[0]?.className === 'MergeRequestRecord' && closed[0].branchPairs.some((b) => b.isMerged)).toBe(false);
    // Nothing else in the organization uses the words, so a search for them finds only these.
    const everything = JSON.stringify(projectFields([ds.profiles, ds.teams, ds.locations, ds.projects, ds.issues], null)).toLowerCase();
    expect(everything).not.toMatch(/heliopause|quasar/);
    // Fixing them kept the random draws of the reviews the other tests rely on.
    expect(reviews.find((r) => r.number === 29)?.title).toBe('Clean up audit log logging');
    expect(reviews.filter((r) => r.number === 2 || r.number === 12).map((r) => r.className)).toEqual(['MergeRequestRecord', 'MergeRequestRecord']);
    expect(reviews.filter((r) => r.number === 1 || r.number === 7).map((r) => r.className)).toEqual(['CommitSetReviewRecord', 'CommitSetReviewRecord']);
  });

  it('has a few people away today, relative to the clock', () => {
    for (const now of [NOW, NOW + 45 * 86_400_000]) {
      const today = isoDay(now);
      const away = materializeAbsences(ds, now).filter((a) => a.since.iso <= today && a.till.iso >= today);
      expect(away.length).toBeGreaterThanOrEqual(3);
      expect(away.map((a) => a.member)).not.toContain(ds.demoUser);
    }
  });

  it('is deterministic: two builds on the same day are identical', () => {
    const again = buildDataset(kinds, { now: NOW + 3_600_000 });
    const snapshot = (d: typeof ds): string => JSON.stringify(projectFields({
      profiles: d.profiles, teams: d.teams, locations: d.locations, projects: d.projects, issues: d.issues, reviews: d.reviews,
    }, null));
    expect(snapshot(again)).toBe(snapshot(ds));
  });

  it('has no cycles through default fields (every entity projects without $fields)', () => {
    expect(() => projectFields([ds.profiles, ds.teams, ds.memberships, ds.projects, ds.issues, ds.reviews], null)).not.toThrow();
  });

  it('keeps hostile strings out of the normal organization', () => {
    const all = JSON.stringify(projectFields([ds.profiles, ds.teams, ds.locations, ds.projects, ds.issues, ds.reviews], null));
    expect(all).not.toContain('<');
    expect(all).not.toContain('javascript:');
    expect(ds.projectByKey.has(HOSTILE_PROJECT_KEY)).toBe(false);
  });

  it('adds the hostile data set on request without changing the normal data', () => {
    const hostile = buildDataset(kinds, { now: NOW, hostile: true });
    expect(hostile.profileByUsername.get(HOSTILE_USERNAME)?.name.firstName).toBe(HOSTILE_STRINGS.imgTag);
    const xss = hostile.projectByKey.get(HOSTILE_PROJECT_KEY);
    const titles = hostile.issuesByProject.get(xss?.id ?? '')?.map((i) => i.title) ?? [];
    expect(titles).toContain(HOSTILE_STRINGS.svgBreakout);
    expect(titles.some((t) => t.length >= 5000)).toBe(true);
    expect(titles.some((t) => t.includes('\u202E'))).toBe(true);
    expect(titles.some((t) => t.includes('\u200B'))).toBe(true);
    expect(hostile.profileById.get(ds.demoUser.id)?.username).toBe('alex.demo');
    expect(hostile.issues.filter((i) => i.projectRef.key.key !== HOSTILE_PROJECT_KEY).map((i) => i.id)).toEqual(ds.issues.map((i) => i.id));
  });
});
