#!/usr/bin/env node
// `npm run new-kind <name> [-- --dry-run]`: scaffolds src/kinds/<name>/ — meta.ts, search.ts, view.tsx, card.tsx and
// fixture.ts — with stubs typed against the registries and `TODO(new-kind)` where a decision is needed, then prints
// what else a kind needs (docs/adding-a-kind.md). Refuses a name that already has a folder. `--dry-run` lists the
// files without writing; `--root <dir>` scaffolds into another copy of the repository (tests).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TODO = 'TODO(new-kind)';

/** Folders under src/kinds that are not kinds, and names a kind can't have. */
const RESERVED = new Set(['all', 'test-support']);

/** A kind's name is an identifier, an object key and a folder name at once: lower-case letters and digits. */
export function checkName(name) {
  if (typeof name !== 'string' || !/^[a-z][a-z0-9]{1,30}$/.test(name)) {
    return 'a kind name is lower-case letters and digits, starting with a letter (e.g. `channel`)';
  }
  if (RESERVED.has(name)) return `\`${name}\` is not a kind name`;
  return null;
}

/** The files of a new kind folder: path relative to the folder → content. */
export function kindFiles(name) {
  const letter = name[0].toUpperCase();
  return {
    'meta.ts': `import type { KindMeta } from '../kind-meta.ts';

// ${TODO}: the badge letter and hue (white text on 30 % lightness keeps 4.5:1); \`kind_${name}\` in messages.json.
export const ${name}Meta: KindMeta<'${name}'> = { kind: '${name}', label: 'kind_${name}', letter: '${letter}', hue: 0 };
`,
    'search.ts': `import type { KindSearch } from '../kind-search.ts';

export const ${name}Search: KindSearch<'${name}'> = {
  kind: '${name}',
  // ${TODO}: the permission this search needs (listed in src/space/required-permissions.ts, named in messages.json).
  permission: 'Profile.View',
  // ${TODO}: the client's search (src/space/api.ts); \`textSearch\` (text-search.ts) for one global request.
  search: async () => ({ items: [], unreadable: 0 }),
  // ${TODO}: decode what card.tsx's \`detailsId\` hands out into the client call that loads the full card (or keep
  // null when the row is the whole card and \`detailsId\` hands out none).
  details: () => null,
  // ${TODO}: the line after the title in the address bar's suggestions.
  omniboxLine: (entity) => entity.title,
};
`,
    'view.tsx': `import type { KindView } from '../kind-view.ts';
import { ${name}Meta } from './meta.ts';

// ${TODO}: the row's muted second line, parts joined with " · " (see issue/view.tsx; \`title\` when the first line
// is more than the entity's title).
export const ${name}View: KindView<'${name}'> = {
  meta: ${name}Meta,
  detail: () => [],
};
`,
    'card.tsx': `import { CardHead } from '../card-parts.tsx';
import type { CardProps, KindCard } from '../kind-view.ts';
import { ${name}Meta } from './meta.ts';

// ${TODO}: the card's fields (card-parts.tsx: Fields, Field, Value, KeyWithCopy; see project/card.tsx).
function Card({ entity }: CardProps<'${name}'>) {
  return <CardHead meta={${name}Meta} title={entity.title} />;
}

export const ${name}Card: KindCard<'${name}'> = {
  Card,
  // ${TODO}: what Alt+K copies (a key, a name), or null.
  copyKey: () => null,
  // ${TODO}: the id search.ts's \`details\` decodes (what Space's single-item endpoint for this kind takes), or null
  // when the row is the whole card (no details request).
  detailsId: (entity) => entity.id,
};
`,
    'fixture.ts': `/** Test fixture (test-support/fixtures.ts): a ${name} whose every string field is \`s(n)\`. */
import type { EntityOf } from '../../space/types.ts';
import type { Fixture } from '../test-support/fixtures.ts';

// ${TODO}: every field of the entity, each string one \`s(n)\` with its own n, and drop the cast.
export const fixture: Fixture<'${name}'> = (s) => ({
  kind: '${name}', id: s(0), title: s(1), webUrl: 'https://space.example.com/x',
} as EntityOf<'${name}'>);
`,
  };
}

/** What a kind needs besides its folder, in the order that keeps the compiler's errors few. */
export function remainingSteps(name) {
  return [
    `The client (src/space): the entity type in types.ts (in the Entity union), its search and card calls in api.ts and`,
    `  client.ts, its mapper in mappers/${name}.ts with its $fields and its web URL (web-urls.ts), its permission in`,
    `  required-permissions.ts.`,
    `The registry lines: '${name}' in ALL_KINDS (src/shared/kinds.ts), and one line each in src/kinds/search-registry.ts,`,
    `  src/kinds/view-registry.tsx and src/kinds/card-registry.tsx.`,
    `Its messages: kind_${name} (and perm_<Permission>, card texts) in public/_locales/en/messages.json.`,
    `The demo server: its data and endpoint in one file, scripts/demo-space/kinds/${name}.ts (see kind-kit.ts); an e2e`,
    `  case in e2e/kind-cases.ts.`,
    `Then clear every ${TODO} in src/kinds/${name}/ and run: npx tsc --noEmit && npx vitest run src/kinds`,
    `  (docs/adding-a-kind.md).`,
  ];
}

/** Scaffolds `name` under `root`; returns the files written (or that would be), or throws with why not. */
export function scaffold(root, name, { dryRun = false } = {}) {
  const problem = checkName(name);
  if (problem) throw new Error(problem);
  const folder = join(root, 'src', 'kinds', name);
  if (existsSync(folder)) throw new Error(`src/kinds/${name}/ already exists`);
  const files = Object.entries(kindFiles(name)).map(([file, content]) => ({ path: join(folder, file), content }));
  if (!dryRun) {
    mkdirSync(folder, { recursive: true });
    for (const { path, content } of files) writeFileSync(path, content, { flag: 'wx' });
  }
  return files.map(({ path }) => relative(root, path));
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? argv[rootAt + 1] : join(dirname(fileURLToPath(import.meta.url)), '..');
  const name = argv.filter((a, i) => !a.startsWith('--') && (rootAt < 0 || i !== rootAt + 1))[0];
  if (!name || !root) {
    console.error('usage: npm run new-kind <name> [-- --dry-run]');
    return 2;
  }
  let written;
  try {
    written = scaffold(root, name, { dryRun });
  } catch (e) {
    console.error(`new-kind: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  console.log(`${dryRun ? 'Would write' : 'Wrote'}:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
  console.log(`Still to do for \`${name}\`:\n${remainingSteps(name).map((s) => (s.startsWith('  ') ? `   ${s}` : ` - ${s}`)).join('\n')}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
