/**
 * Every kind is complete. A kind is its folder plus its place in ALL_KINDS: the registries are built from the
 * folders (`byKind`, shared/kinds.ts), and this checks that each is complete — a kind folder nobody listed, a missing
 * file or export, a piece that is another kind's, a label or permission without
 * its text in messages.json, a details id its own worker side cannot read back, a scaffold TODO left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { ALL_KINDS } from '../shared/kinds.ts';
import { CARDS } from './card-registry.tsx';
import { REQUIRED_PERMISSIONS } from './required-permissions.ts';
import { KIND_SEARCHES } from './search-registry.ts';
import { FIXTURE_KINDS, fixtureOf } from './test-support/fixtures.ts';
import { VIEWS } from './view-registry.tsx';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

const KINDS_DIR = new URL('./', import.meta.url);
/** The files `npm run new-kind` makes; every kind has them. */
const KIND_FILES = [
  'meta.ts', 'permissions.ts', 'entity.ts', 'space.ts', 'mapper.ts', 'web-url.ts', 'search.ts', 'view.tsx', 'card.tsx', 'fixture.ts',
];
/** The client maps profiles itself (the token owner, `me`, is one): the person kind's type, mapper and web URL are its. */
const CLIENT_MAPPED: Record<string, readonly string[]> = { person: ['entity.ts', 'mapper.ts', 'web-url.ts'] };
const hasMessage = (key: string) => Object.hasOwn(messages, key);
const permissionMessage = (permission: string) => `perm_${permission.replaceAll('.', '_')}`;

describe('the kinds', () => {
  it('are listed once each, and every kind folder is listed', () => {
    expect(new Set(ALL_KINDS).size).toBe(ALL_KINDS.length);
    const folders = readdirSync(KINDS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(new URL(`${entry.name}/`, KINDS_DIR)).includes('meta.ts'))
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...ALL_KINDS].sort());
    expect(FIXTURE_KINDS.sort()).toEqual([...ALL_KINDS].sort());
  });

  it.each(ALL_KINDS)('%s has every file of a kind folder, none with a scaffold TODO left', (kind) => {
    const files = readdirSync(new URL(`${kind}/`, KINDS_DIR));
    expect(files).toEqual(expect.arrayContaining(KIND_FILES.filter((file) => !CLIENT_MAPPED[kind]?.includes(file))));
    for (const file of files) {
      // `npm run new-kind` marks every decision it leaves open.
      expect(readFileSync(new URL(`${kind}/${file}`, KINDS_DIR), 'utf8'), `${kind}/${file}`).not.toContain('TODO(new-kind)');
    }
  });

  it('every registry has each kind of ALL_KINDS, in its order, and no other', () => {
    for (const registry of [KIND_SEARCHES, VIEWS, CARDS]) expect(Object.keys(registry)).toEqual([...ALL_KINDS]);
  });

  it.each(ALL_KINDS)('%s: its folder exports each piece the registries read', (kind) => {
    expect(KIND_SEARCHES[kind], `src/kinds/${kind}/search.ts exports \`search\``).toBeDefined();
    expect(VIEWS[kind], `src/kinds/${kind}/view.tsx exports \`view\``).toBeDefined();
    expect(CARDS[kind], `src/kinds/${kind}/card.tsx exports \`card\``).toBeDefined();
    expect(REQUIRED_PERMISSIONS.every((p) => typeof p === 'string'), `src/kinds/${kind}/permissions.ts exports \`permissions\``).toBe(true);
  });

  it.each(ALL_KINDS)('%s: each registry line is its own kind\'s, and its label has its text', (kind) => {
    expect(KIND_SEARCHES[kind].kind).toBe(kind);
    expect(VIEWS[kind].meta.kind).toBe(kind);
    expect(hasMessage(VIEWS[kind].meta.label)).toBe(true);
    expect(typeof CARDS[kind].Card).toBe('function');
  });

  it.each(ALL_KINDS)('%s\'s search names a permission the options page lists, with its Space name', (kind) => {
    const { permission } = KIND_SEARCHES[kind];
    expect(REQUIRED_PERMISSIONS).toContain(permission);
    expect(hasMessage(permissionMessage(permission))).toBe(true);
  });

  it('every listed permission has its Space name in messages.json', () => {
    for (const code of REQUIRED_PERMISSIONS) expect(hasMessage(permissionMessage(code))).toBe(true);
  });

  it.each(ALL_KINDS)('%s: the details id its card hands out is one its worker side reads back', (kind) => {
    const search = KIND_SEARCHES[kind] as unknown as { details(id: string): unknown; omniboxLine(e: unknown): unknown };
    const card = CARDS[kind] as unknown as { detailsId(e: unknown): string | null; copyKey(e: unknown): unknown };
    const entity = fixtureOf(kind, (n) => `${kind}-${n}`);
    expect(entity.kind).toBe(kind);
    const id = card.detailsId(entity);
    expect(id).not.toBe('');
    // A row that is the whole card hands out no id (no details request); its worker side then reads none either.
    if (id === null) expect(search.details(entity.id)).toBeNull();
    else expect(search.details(id)).toBeTypeOf('function');
    expect(typeof search.omniboxLine(entity)).toBe('string');
    expect(['string', 'object']).toContain(typeof card.copyKey(entity));
  });
});
