// @vitest-environment happy-dom
/**
 * XSS-3: Space data through every row and card. Hostile strings must come out as inert text: no extra
 * elements, no event-handler attributes, no script-bearing URLs, no bidi/zero-width characters, and
 * bounded length — and the text shown must be exactly the cleaned, truncated input.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, EntityKind } from '../space/types.ts';
import { displayText, MAX_TEXT } from '../shared/ui/text.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { EntityCard } from './card-registry.tsx';
import { EntityRow } from './entity-view.tsx';
import type { CardEnv } from './kind-view.ts';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(document.cookie)',
  '\u202Egnp.exe\u202C\u2066bidi\u2069',
  'zero\u200Bwidth\u200D\uFEFFjoin',
  `${'A'.repeat(5000)}<script>alert(1)</script>`,
  '<a href="javascript:alert(1)">x</a>\n\r\t\u0000',
];

/** Builds an entity of `kind` whose every string field is `s(n)` (a different one per field). */
function entity(kind: EntityKind, s: (n: number) => string): Entity {
  const base = { id: s(0), title: s(1), webUrl: 'https://space.example.com/x' };
  switch (kind) {
    case 'person':
      return {
        ...base, kind, username: s(2), firstName: s(3), lastName: s(4), avatarId: null, emails: [s(5)], phones: [s(6)],
        positions: [s(7)], teams: [{ id: 't', name: s(8) }], locations: [{ id: 'l', name: s(9) }], timeZone: 'Europe/Berlin',
        absence: { reason: s(10), until: '2030-01-02' }, workingHours: { days: [{ weekday: 1, from: 540, to: 1020 }] },
      };
    case 'team':
      return { ...base, kind, name: s(2), description: s(3), parent: { id: 'p', name: s(4) }, lead: { id: 'lead', username: s(5), name: s(6) }, memberCount: 7 };
    case 'location':
      return { ...base, kind, name: s(2), type: s(3), parent: { id: 'p', name: s(4) }, timeZone: 'Asia/Kolkata', address: s(5) };
    case 'project':
      return { ...base, kind, key: s(2), name: s(3), description: s(4), private: true, repositories: [s(5), s(6)] };
    case 'issue':
      return {
        ...base, kind, projectKey: s(2), number: 42, key: s(3), status: { name: s(4), resolved: false, color: '#ff0000' },
        assignee: { id: 'assignee', username: s(5), name: s(6) }, dueDate: '2030-05-10', createdAt: 0,
      };
    case 'repository':
      return { ...base, kind, projectKey: s(2), name: s(3), description: s(4), defaultBranch: s(5), latestActivity: Date.UTC(2024, 0, 1) };
    case 'review':
      return {
        ...base, kind, projectKey: s(2), number: 12, key: s(3), state: s(4), type: 'merge-request',
        branches: { source: s(5), target: s(6), repository: s(7) }, author: { id: 'author', username: s(8), name: s(9) }, createdAt: 0,
      };
  }
}

const KINDS: EntityKind[] = ['person', 'team', 'location', 'project', 'issue', 'repository', 'review'];
const env: CardEnv = { now: Date.UTC(2024, 5, 12, 10), viewerZone: 'Europe/Berlin', avatar: null, copy: () => undefined };

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function shape(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());
}

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'style', 'xlink:href'];

function assertInert(root: Element) {
  for (const el of root.querySelectorAll('*')) {
    expect(['img', 'script', 'svg', 'iframe', 'object', 'embed', 'style', 'link', 'a', 'form']).not.toContain(el.tagName.toLowerCase());
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false);
      // Text attributes (aria-label, title) may carry the words; URL-bearing ones must not.
      if (URL_ATTRIBUTES.includes(attr)) expect(el.getAttribute(attr) ?? '').not.toMatch(/javascript:|url\(/i);
    }
  }
  const text = root.textContent ?? '';
  // eslint-disable-next-line no-control-regex -- NUL is one of the characters that must not survive
  expect(text).not.toMatch(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u0000]/);
  for (const node of root.querySelectorAll('bdi')) {
    expect(Array.from(node.textContent ?? '').length).toBeLessThanOrEqual(MAX_TEXT);
  }
}

describe.each(KINDS)('%s view with hostile strings', (kind) => {
  it.each(HOSTILE.map((h, i) => [i, h] as const))('payload %i renders as inert text in the row', (_i, payload) => {
    const benign = entity(kind, (n) => `plain text ${n}`);
    render(<EntityRow entity={benign} />, host);
    const expectedShape = shape(host);
    render(null, host);

    const hostile = entity(kind, (n) => `${payload}${n}`);
    render(<EntityRow entity={hostile} />, host);
    expect(shape(host)).toEqual(expectedShape);
    assertInert(host);
    expect(host.textContent).toContain(displayText(hostile.title));
  });

  it.each(HOSTILE.map((h, i) => [i, h] as const))('payload %i renders as inert text in the card', (_i, payload) => {
    const benign = entity(kind, (n) => `plain text ${n}`);
    render(<EntityCard entity={benign} env={env} />, host);
    const expectedShape = shape(host);
    render(null, host);

    const hostile = entity(kind, (n) => `${payload}${n}`);
    render(<EntityCard entity={hostile} env={env} />, host);
    expect(shape(host)).toEqual(expectedShape);
    assertInert(host);
    const title = host.querySelector('.card-title');
    expect(title?.textContent).toBe(displayText(hostile.title));
  });
});

describe('avatars', () => {
  it('shows only inline raster data, never a URL that would need the token', () => {
    const person = entity('person', (n) => `p${n}`);
    render(<EntityCard entity={person} env={{ ...env, avatar: 'https://space.example.com/d/abc' }} />, host);
    expect(host.querySelector('img')).toBeNull();
    render(<EntityCard entity={person} env={{ ...env, avatar: 'data:image/svg+xml;base64,PHN2Zz4=' }} />, host);
    expect(host.querySelector('img')).toBeNull();
    render(<EntityCard entity={person} env={{ ...env, avatar: 'data:image/png;base64,iVBORw0KGgo=' }} />, host);
    expect(host.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(host.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  it('falls back to initials with a stable colour', () => {
    const person = { ...entity('person', (n) => `p${n}`), title: 'Ada Lovelace' } as Entity;
    render(<EntityRow entity={person} />, host);
    const first = host.querySelector('.avatar');
    expect(first?.textContent).toBe('AL');
    const colour = (first as HTMLElement).style.background;
    render(null, host);
    render(<EntityRow entity={person} />, host);
    expect((host.querySelector('.avatar') as HTMLElement).style.background).toBe(colour);
  });
});

describe('issue status colour', () => {
  it('accepts only a plain hex colour into the style', () => {
    const issue = entity('issue', (n) => `i${n}`) as Extract<Entity, { kind: 'issue' }>;
    render(<EntityRow entity={{ ...issue, status: { ...issue.status, color: 'red;background:url(javascript:alert(1))' } }} />, host);
    expect(host.querySelector('.status-dot')).toBeNull();
    render(<EntityRow entity={{ ...issue, status: { ...issue.status, color: '1e8f3c' } }} />, host);
    expect((host.querySelector('.status-dot') as HTMLElement).style.background).toMatch(/1e8f3c|30, 143, 60/i);
  });
});

describe('person card', () => {
  it('shows their local time against the viewer\'s day', () => {
    const person = entity('person', (n) => `p${n}`);
    render(<EntityCard entity={{ ...person, timeZone: 'America/New_York' } as Entity} env={env} />, host);
    expect(host.querySelector('[data-testid="local-time"]')?.textContent).toMatch(/−6 h from you/);
    const bar = host.querySelector('.daybar');
    expect(bar?.getAttribute('role')).toBe('img');
    expect(bar?.getAttribute('aria-label')).toMatch(/^Their working hours on your day: /);
  });

  it('copy buttons copy the raw value and have an accessible name', () => {
    const copied: string[] = [];
    const person = entity('person', (n) => `p${n}`);
    render(<EntityCard entity={person} env={{ ...env, copy: (text) => copied.push(text) }} />, host);
    const buttons = [...host.querySelectorAll('button.copy')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Copy username', 'Copy E-mail', 'Copy Phone']);
    for (const b of buttons) b.click();
    expect(copied).toEqual(['p2', 'p5', 'p6']);
  });
});

describe('people named inside other entities (PersonRef)', () => {
  const issue = entity('issue', (n) => `i${n}`) as Extract<Entity, { kind: 'issue' }>;
  const review = entity('review', (n) => `r${n}`) as Extract<Entity, { kind: 'review' }>;
  const team = entity('team', (n) => `t${n}`) as Extract<Entity, { kind: 'team' }>;
  const cases = [
    [{ id: 'p1', username: 'ada', name: 'Ada Lovelace' }, 'Ada Lovelace', 'Ada Lovelace · @ada'],
    [{ id: 'p1', username: 'ada', name: null }, '@ada', '@ada'],
    [{ id: 'p1', username: null, name: 'Ada Lovelace' }, 'Ada Lovelace', 'Ada Lovelace'],
    [{ id: 'p1', username: null, name: null }, 'someone', 'someone'],
    [{ id: null, username: null, name: null }, 'someone', 'someone'],
  ] as const;

  it.each(cases)('%o reads "%s" in a row and "%s" in a card, never @null or undefined', (person, row, card) => {
    const field = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('dt')?.textContent === label)
      ?.querySelector('dd')?.textContent;

    render(<EntityRow entity={{ ...issue, assignee: { ...person } }} />, host);
    expect(host.querySelector('.row-detail')?.textContent).toContain(row);
    render(<EntityRow entity={{ ...review, author: { ...person } }} />, host);
    expect(host.querySelector('.row-detail')?.textContent).toContain(row);

    for (const [e, label] of [
      [{ ...issue, assignee: { ...person } }, 'Assignee'],
      [{ ...review, author: { ...person } }, 'Author'],
      [{ ...team, lead: { ...person } }, 'Lead'],
    ] as const) {
      render(<EntityCard entity={e} env={env} />, host);
      expect(field(label)).toBe(card);
      expect(host.textContent).not.toMatch(/@null|@undefined|undefined|null/);
    }
  });

  it('nobody assigned reads "Unassigned", a withheld assignee reads "hidden"', () => {
    render(<EntityCard entity={{ ...issue, assignee: null }} env={env} />, host);
    expect(host.textContent).toContain('Unassigned');
    render(<EntityCard entity={{ ...issue, assignee: null, hidden: ['assignee'] }} env={env} />, host);
    expect(host.textContent).not.toContain('Unassigned');
    expect(host.querySelector('.field:nth-child(3) dd')?.textContent).toBe('hidden');
  });
});

describe('fields hidden by the token\'s permissions', () => {
  it.each(KINDS)('the %s card says nothing when nothing is hidden, and one line when something is', (kind) => {
    const e = entity(kind, (n) => `x${n}`);
    render(<EntityCard entity={e} env={env} />, host);
    expect(host.querySelector('[data-testid="hidden-fields"]')).toBeNull();
    render(<EntityCard entity={{ ...e, hidden: [] }} env={env} />, host);
    expect(host.querySelector('[data-testid="hidden-fields"]')).toBeNull();

    render(<EntityCard entity={{ ...e, hidden: ['assignee', 'emails', 'lead'] }} env={env} />, host);
    const lines = host.querySelectorAll('[data-testid="hidden-fields"]');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.textContent).toBe('Hidden by your token\'s permissions: assignee, e-mail addresses, team lead.');
    expect(lines[0]?.classList.contains('muted')).toBe(true);
  });

  it('the person card names "View absences" when absences are hidden', () => {
    const person = entity('person', (n) => `p${n}`) as Extract<Entity, { kind: 'person' }>;
    render(<EntityCard entity={{ ...person, absence: undefined, hidden: ['absence', 'workingHours'] }} env={env} />, host);
    const line = host.querySelector('[data-testid="hidden-fields"]');
    expect(line?.textContent).toContain('absence, working hours');
    expect(host.querySelector('[data-testid="absence-hidden"]')?.textContent)
      .toBe('Absences need the permission “View absences” (Profile.Absences.View).');
    render(<EntityCard entity={{ ...person, hidden: ['emails'] }} env={env} />, host);
    expect(host.querySelector('[data-testid="absence-hidden"]')).toBeNull();
  });

  it('shows a field name it does not know as inert text', () => {
    const e = entity('project', (n) => `x${n}`);
    render(<EntityCard entity={{ ...e, hidden: ['<img src=x onerror=alert(1)>\u202E'] }} env={env} />, host);
    assertInert(host);
    expect(host.querySelector('[data-testid="hidden-fields"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('person card working hours', () => {
  const person = { ...entity('person', (n) => `p${n}`), absence: null } as Extract<Entity, { kind: 'person' }>;
  const localTime = () => host.querySelector('[data-testid="local-time"]')?.textContent ?? '';

  it('says nothing about working hours while they are loading (a search result has none yet)', () => {
    const { workingHours: _, ...row } = person;
    render(<EntityCard entity={row} env={env} />, host);
    expect(localTime()).not.toBe('');
    expect(localTime()).not.toContain('No working hours set');
    expect(host.querySelector('.daybar')).toBeNull();
  });

  it('says "No working hours set" only when Space says there are none', () => {
    render(<EntityCard entity={{ ...person, workingHours: null }} env={env} />, host);
    expect(localTime()).toContain('No working hours set');
    render(<EntityCard entity={{ ...person, workingHours: { days: [] } }} env={env} />, host);
    expect(localTime()).toContain('No working hours set');
  });

  it('says they are hidden when the token may not read them', () => {
    render(<EntityCard entity={{ ...person, workingHours: null, hidden: ['workingHours'] }} env={env} />, host);
    expect(localTime()).toContain('working hours hidden');
    expect(localTime()).not.toContain('No working hours set');
  });
});

describe('review state', () => {
  const review = entity('review', (n) => `r${n}`) as Extract<Entity, { kind: 'review' }>;
  it.each([['Opened', 'Open'], ['Closed', 'Closed'], ['Deleted', 'Deleted']])('%s reads "%s" on the row and the card', (state, label) => {
    render(<EntityRow entity={{ ...review, state }} />, host);
    const onRow = host.querySelector('[data-testid="review-state"]');
    expect(onRow?.textContent).toBe(label);
    expect(onRow?.getAttribute('data-state')).toBe(state);
    render(<EntityCard entity={{ ...review, state }} env={env} />, host);
    expect(host.querySelector('[data-testid="review-state"]')?.textContent).toBe(label);
  });

  it('shows a state it does not know as Space sent it', () => {
    render(<EntityRow entity={{ ...review, state: 'Merged' }} />, host);
    const onRow = host.querySelector('[data-testid="review-state"]');
    expect(onRow?.textContent).toBe('Merged');
    expect(onRow?.getAttribute('data-state')).toBe('other');
  });
});
