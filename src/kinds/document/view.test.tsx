// @vitest-environment happy-dom
/** The document's row and card, through the registries as the popup renders them. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../shared/kinds.ts';
import { fakeBrowser } from '../../shared/test-support/fake-browser.ts';
import { copyKeyOf, detailsIdOf, EntityCard } from '../card-registry.tsx';
import type { CardEnv } from '../kind-view.ts';
import { fixtureOf } from '../test-support/fixtures.ts';
import { EntityRow } from '../view-registry.tsx';

vi.mock('../../shared/browser.ts', async () => (await import('../../shared/test-support/fake-browser.ts')).polyfillModule());

const NOW = Date.UTC(2024, 5, 12, 10);
const env: CardEnv = { now: NOW, viewerZone: 'Europe/Berlin', avatar: null, copy: () => undefined };
const document = fixtureOf('document', (n) => `d${n}`) as Extract<Entity, { kind: 'document' }>;

let host: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  host = window.document.createElement('div');
  window.document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const fieldText = (label: string) => [...host.querySelectorAll('.field')].find((f) => f.querySelector('dt')?.textContent === label)
  ?.querySelector('dd')?.textContent;

describe('document row', () => {
  it('title, then its folder and project', () => {
    render(<EntityRow entity={document} />, host);
    expect(host.querySelector('.row-title')?.textContent).toBe('d1');
    expect(host.querySelector('.row-detail')?.textContent).toBe('d3 · d2');
  });

  it('at the top level (or the folder withheld), the project alone', () => {
    render(<EntityRow entity={{ ...document, folder: null }} />, host);
    expect(host.querySelector('.row-detail')?.textContent).toBe('d2');
  });
});

describe('document card', () => {
  it('folder, author, when it changed (relative, then the date), project', () => {
    render(<EntityCard entity={document} env={env} />, host);
    expect(host.querySelector('.card-title')?.textContent).toBe('d1');
    expect(fieldText('Folder')).toBe('d3');
    expect(fieldText('Author')).toBe('d5 · @d4');
    const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(document.updatedAt ?? 0);
    expect(fieldText('Updated')).toBe(`2 days ago (${absolute})`);
    expect(host.querySelector('time')?.getAttribute('datetime')).toBe(new Date(document.updatedAt ?? 0).toISOString());
    expect(fieldText('Project')).toBe('d2');
  });

  it('a top-level document says so; a non-member author is their name; no date is "None"', () => {
    render(<EntityCard entity={{ ...document, folder: null, author: { id: null, username: null, name: 'Automation' }, updatedAt: null }} env={env} />, host);
    expect(fieldText('Folder')).toBe('Top level');
    expect(fieldText('Author')).toBe('Automation');
    expect(fieldText('Updated')).toBe('None');
    expect(host.querySelector('time')).toBeNull();
  });

  it('withheld folder, author and date read "hidden", never "Top level" or "None"', () => {
    render(<EntityCard entity={{ ...document, folder: null, author: null, updatedAt: null, hidden: ['author', 'folder', 'updatedAt'] }} env={env} />, host);
    expect(fieldText('Folder')).toBe('hidden');
    expect(fieldText('Author')).toBe('hidden');
    expect(fieldText('Updated')).toBe('hidden');
    expect(host.querySelector('[data-testid="hidden-fields"]')?.textContent).toContain('author');
  });

  it('an impossible time is no time at all', () => {
    render(<EntityCard entity={{ ...document, updatedAt: 1e300 }} env={env} />, host);
    expect(host.querySelector('time')).toBeNull();
    expect(fieldText('Updated')).toBe('None');
  });

  it('Alt+K copies the title; there are no details to ask for', () => {
    expect(copyKeyOf(document)).toBe('d1');
    expect(copyKeyOf({ ...document, title: '' })).toBeNull();
    expect(detailsIdOf(document)).toBeNull();
  });
});
