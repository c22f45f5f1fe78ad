// @vitest-environment happy-dom
/**
 * XSS-3: Space data through every row and card. Hostile strings must come out as inert text: no extra
 * elements, no event-handler attributes, no script-bearing URLs, no bidi/zero-width characters, and
 * bounded length — and the text shown must be exactly the cleaned, truncated input.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_KINDS, type Entity } from '../shared/kinds.ts';
import { displayText, MAX_TEXT } from '../shared/ui/text.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { EntityCard } from './card-registry.tsx';
import type { CardEnv } from './kind-view.ts';
import { fixtureOf as entity } from './test-support/fixtures.ts';
import { EntityRow } from './view-registry.tsx';

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

const KINDS = ALL_KINDS;
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

/** The text of a card field by its label. */
const fieldText = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('dt')?.textContent === label)
  ?.querySelector('dd')?.textContent;

describe('chat channel', () => {
  const channel = entity('channel', (n) => `c${n}`) as Extract<Entity, { kind: 'channel' }>;

  it('row: name, description and subscribers; a withheld count is left out', () => {
    render(<EntityRow entity={channel} />, host);
    expect(host.querySelector('.row-title')?.textContent).toBe('c1');
    expect(host.querySelector('.row-detail')?.textContent).toBe('c3 · 12 subscribers');
    render(<EntityRow entity={{ ...channel, description: '', subscribers: null, hidden: ['subscribers'] }} />, host);
    expect(host.querySelector('.row-detail')?.textContent ?? '').toBe('');
  });

  it('card: description, last message time, whether you are subscribed', () => {
    render(<EntityCard entity={channel} env={env} />, host);
    expect(host.querySelector('.card-text')?.textContent).toBe('c3');
    expect(fieldText('Last message')).toBe('1 hour ago');
    expect(host.querySelector('time')?.getAttribute('datetime')).toBe(new Date(Date.UTC(2024, 5, 12, 9)).toISOString());
    expect(fieldText('You')).toBe('Subscribed');
    expect(fieldText('Subscribers')).toBe('12');
    render(<EntityCard entity={{ ...channel, subscribed: false, lastMessageTime: null }} env={env} />, host);
    expect(fieldText('You')).toBe('Not subscribed');
    expect(fieldText('Last message')).toBe('No messages yet');
  });

  it('card: withheld fields read "hidden", never "No messages" or "Not subscribed"', () => {
    const withheld = {
      ...channel, description: '', subscribers: null, subscribed: null, lastMessageTime: null,
      hidden: ['description', 'lastMessageTime', 'subscribed', 'subscribers'],
    };
    render(<EntityCard entity={withheld} env={env} />, host);
    expect(host.querySelector('.card-text')?.textContent).toBe('hidden');
    expect(fieldText('Last message')).toBe('hidden');
    expect(fieldText('You')).toBe('hidden');
    expect(fieldText('Subscribers')).toBe('hidden');
    expect(host.querySelector('[data-testid="hidden-fields"]')?.textContent).toContain('last message time');
  });

  it('an impossible last-message time is no time at all', () => {
    render(<EntityCard entity={{ ...channel, lastMessageTime: 1e300 }} env={env} />, host);
    expect(host.querySelector('time')).toBeNull();
    expect(fieldText('Last message')).toBe('No messages yet');
  });
});

describe('blog article', () => {
  const article = entity('article', (n) => `a${n}`) as Extract<Entity, { kind: 'article' }>;
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(Date.UTC(2024, 5, 1));

  it.each([
    [{ id: 'p1', username: 'ada', name: 'Ada Lovelace' }, 'Ada Lovelace', 'Ada Lovelace · @ada'],
    [{ id: 'p1', username: 'ada', name: null }, '@ada', '@ada'],
    [{ id: null, username: null, name: null }, 'someone', 'someone'],
  ] as const)('author %o reads "%s" on the row and "%s" on the card', (author, row, card) => {
    render(<EntityRow entity={{ ...article, author: { ...author } }} />, host);
    expect(host.querySelector('.row-title')?.textContent).toBe('a1');
    expect(host.querySelector('.row-detail')?.textContent).toBe(`${row} · ${date}`);
    render(<EntityCard entity={{ ...article, author: { ...author } }} env={env} />, host);
    expect(fieldText('Author')).toBe(card);
    expect(host.textContent).not.toMatch(/@null|undefined|null/);
  });

  it('card: preview text, date, and the teams and locations it is for', () => {
    render(<EntityCard entity={article} env={env} />, host);
    expect(host.querySelector('[data-testid="article-preview"]')?.textContent).toBe('a4');
    expect(fieldText('Published')).toBe(date);
    expect(fieldText('For')).toBe('a5, a6');
    render(<EntityCard entity={{ ...article, teams: [], locations: [], preview: '' }} env={env} />, host);
    expect(fieldText('For')).toBe('Everyone');
    expect(host.querySelector('[data-testid="article-preview"]')?.textContent).toBe('No preview');
  });

  it('withheld author, date, preview and audience read "hidden", not "someone" or "Everyone"', () => {
    const withheld = {
      ...article, author: null, createdAt: null, preview: '', teams: [], locations: [],
      hidden: ['author', 'createdAt', 'locations', 'preview', 'teams'],
    };
    render(<EntityRow entity={withheld} />, host);
    expect(host.querySelector('.row-detail')?.textContent ?? '').toBe('');
    render(<EntityCard entity={withheld} env={env} />, host);
    expect(fieldText('Author')).toBe('hidden');
    expect(fieldText('Published')).toBe('hidden');
    expect(fieldText('For')).toBe('hidden');
    expect(host.querySelector('[data-testid="article-preview"]')?.textContent).toBe('hidden');
  });
});

describe('code match', () => {
  const match = entity('code', (n) => `k${n}`) as Extract<Entity, { kind: 'code' }>;
  const shown = () => [...host.querySelectorAll('[data-testid="code-lines"] tr')]
    .map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent, tr.getAttribute('data-match')]);

  it('row: file path, repository, project', () => {
    render(<EntityRow entity={match} />, host);
    expect(host.querySelector('.row-title')?.textContent).toBe('k1');
    expect(host.querySelector('.row-detail')?.textContent).toBe('k3 · k2');
  });

  it('card: the lines with their numbers as plain text, the matching ones marked', () => {
    render(<EntityCard entity={match} env={env} />, host);
    expect(shown()).toEqual([['5', 'k6', null], ['6', 'k7', 'true'], ['', 'k8', null]]);
    expect(host.querySelectorAll('[data-testid="code-lines"] mark')).toHaveLength(1);
    expect(host.querySelector('mark')?.textContent).toBe('k7');
    expect(fieldText('Line')).toBe('6');
  });

  it('card: code that looks like markup stays text, long snippets are cut with a count', () => {
    const lines = Array.from({ length: 15 }, (_, i) => ({ number: i + 1, text: `<b onclick="x()">${i}</b>\u202E`, match: i === 2 }));
    render(<EntityCard entity={{ ...match, lines }} env={env} />, host);
    assertInert(host);
    expect(shown()).toHaveLength(12);
    expect(shown()[2]).toEqual(['3', '<b onclick="x()">2</b>', 'true']);
    expect(host.textContent).toContain('+3 more');
  });

  it('card: no lines says so, withheld lines say they are hidden', () => {
    render(<EntityCard entity={{ ...match, lines: [] }} env={env} />, host);
    expect(host.querySelector('[data-testid="code-lines"]')).toBeNull();
    expect(host.textContent).toContain('No lines to show');
    render(<EntityCard entity={{ ...match, lines: [], line: null, hidden: ['lines'] }} env={env} />, host);
    expect(host.textContent).toContain('The matching lines are hidden');
    expect(fieldText('Line')).toBe('None');
  });
});
