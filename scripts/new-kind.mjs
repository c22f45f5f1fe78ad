#!/usr/bin/env node
// `npm run new-kind <name> [-- --dry-run]`: scaffolds src/kinds/<name>/ — its label (meta.ts), permissions, entity
// type, Space side (space.ts: the requests; mapper.ts with its $fields; web-url.ts), worker side (search.ts), row
// (view.tsx), card (card.tsx) and test fixture — and its demo server module, scripts/demo-space/kinds/<name>.ts (its
// data, endpoint and the e2e suites' find → open case), with stubs typed against the registries and `TODO(new-kind)`
// where a decision is needed, then prints what else a kind needs (docs/adding-a-kind.md): its ALL_KINDS line and its
// messages. The registries, the demo server, the e2e cases, the fuzz and the bench find the rest. Refuses a name that
// already has a folder or a demo module. `--dry-run` lists the files without writing; `--root <dir>` scaffolds into
// another copy of the repository (tests).
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
  const type = `${letter}${name.slice(1)}`;
  const upper = name.toUpperCase();
  return {
    'meta.ts': `import type { KindMeta } from '../kind-meta.ts';

// ${TODO}: the badge letter and hue (white text on 30 % lightness keeps 4.5:1); \`kind_${name}\` in messages.json.
export const ${name}Meta: KindMeta<'${name}'> = { kind: '${name}', label: 'kind_${name}', letter: '${letter}', hue: 0 };
`,
    'permissions.ts': `// ${TODO}: the Space permissions its requests need (space-api.md §6, with the evidence), its search's first (named
// in a group's 403 when Space names none); each with its Space name in messages.json (\`perm_<code>\`, dots as \`_\`).
// Options lists them and "Sign in with Space" asks for them (src/kinds/required-permissions.ts).
export const permissions = ['Profile.View'] as const;
`,
    'entity.ts': `/** The ${name} kind's entity, as its mapper (mapper.ts) builds it; it adds itself to the client's \`EntityTypes\`. */
import type { EntityBase } from '../../space/types.ts';

// ${TODO}: the fields its row and card show, in the extension's words (Space's shape is the mapper's business).
export interface ${type} extends EntityBase {
  kind: '${name}';
}

declare module '../../space/types.ts' {
  interface EntityTypes { ${name}: ${type} }
}
`,
    'web-url.ts': `import { urlSegment as seg, webUrl } from '../../space/web-urls.ts';

// ${TODO}: the page Space opens for it (space-api.md §7), with the evidence ([C], [I] or [U]); built from ids only.
export function ${name}Url(origin: string, id: string): string {
  return webUrl(origin, \`/${name}/\${seg(id)}\`);
}
`,
    'mapper.ts': `/** ${TODO}: Space's DTO → ${type} (space-api.md §2b). */
import { batchFields } from '../../space/fields.ts';
import { HiddenFields } from '../../space/mappers/common.ts';
import type { Reader } from '../../space/parse.ts';
import type { ${type} } from './entity.ts';
import { ${name}Url } from './web-url.ts';

// ${TODO}: exactly the fields the mapper reads, written as they go on the wire (fields.test.ts checks the syntax).
export const ${upper}_FIELDS = 'id,name';
export const ${upper}_BATCH_FIELDS = batchFields(${upper}_FIELDS);

/** Required fields throw a ShapeError (the item is counted unreadable); withheld ones go in \`hidden\` (common.ts). */
export function map${type}(item: Reader, origin: string): ${type} {
  const hidden = new HiddenFields();
  const id = item.id('id');
  return hidden.apply<${type}>({ kind: '${name}', id, title: item.optStr('name') ?? id, webUrl: ${name}Url(origin, id) });
}
`,
    'space.ts': `/** The ${name} kind's Space side: its requests, served by the client's one generic call (\`api.get\`). */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { ${type} } from './entity.ts';
import { ${upper}_BATCH_FIELDS, map${type} } from './mapper.ts';

// ${TODO}: the endpoint (space-api.md §2a) with Space's own parameter names (\`query\`, \`term\`, \`text\`: here and
// nowhere else); a lookup of one item (\`subject\`, \`onInvalid: 'not-found'\`, \`one(map…)\`) when the card needs more
// than the row. Every call is \`async\`, so a bad id is a rejected promise, never a synchronous throw.
export const search${type}s = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<${type}>> => api.get({
  op: 'search${type}s', path: '/${name}s', fields: ${upper}_BATCH_FIELDS, query: { query, ...pageQuery(page) },
  on404: 'unsupported', map: batchOf(map${type}),
}, call);
`,
    'search.ts': `import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { permissions } from './permissions.ts';
import { search${type}s } from './space.ts';

export const search: KindSearch<'${name}'> = {
  kind: '${name}',
  permission: permissions[0],
  // ${TODO}: \`textSearch\` (text-search.ts) for one organization-wide request; \`projectScopedSearch\`
  // (project-scoped.ts) for a search in each project of the user's scope.
  search: textSearch(search${type}s),
  // ${TODO}: decode what card.tsx's \`detailsId\` hands out into the space.ts call that loads the full card (or keep
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
export const view: KindView<'${name}'> = {
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

export const card: KindCard<'${name}'> = {
  Card,
  // ${TODO}: what Alt+K copies (a key, a name), or null.
  copyKey: () => null,
  // ${TODO}: the id search.ts's \`details\` decodes, or null when the row is the whole card (no details request).
  detailsId: () => null,
};
`,
    'fixture.ts': `/** Test fixture (test-support/fixtures.ts): a ${name} whose every string field is \`s(n)\`. */
import type { Fixture } from '../test-support/fixtures.ts';

// ${TODO}: every field of the entity, each string one \`s(n)\` with its own n.
export const fixture: Fixture<'${name}'> = (s) => ({
  kind: '${name}', id: s(0), title: s(1), webUrl: 'https://space.example.com/x',
});
`,
  };
}

/** The demo server's module of a new kind (scripts/demo-space/kinds/<name>.ts, found by its file name). */
export function demoModule(name) {
  const type = `${name[0].toUpperCase()}${name.slice(1)}`;
  // Its own seed, from its name: adding a kind never reshuffles the others' data.
  let seed = 0x5eed;
  for (const ch of name) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  return `/**
 * ${TODO}: the demo server's ${name}s — what Space serves (the path and parameters of space.ts's requests, as in
 * Space's published API: kinds/kinds.test.ts checks every route against the spec, every answer is checked against the
 * spec's schema), the demo data (deterministic, from its own seed) and the e2e suites' find → open case. See
 * kind-kit.ts, and kinds/channel.ts or kinds/article.ts for a whole module.
 */
import { ${name}Url } from '../../../src/kinds/${name}/web-url.ts';
import { containsFolded, createPrng, defineKind, pageOf, route, type RequestContext } from '../kind-kit.ts';

declare module '../dataset.ts' {
  interface KindData {
    ${name}s: ${type}Record[];
  }
}

/** ${TODO}: the ${name} as Space sends it (the spec's DTO: only fields Space has). */
export interface ${type}Record {
  id: string;
  name: string;
}

export default defineKind({
  kind: '${name}',
  routes: [route('GET', '/${name}s', search${type}s)],
  data: () => {
    const prng = createPrng(0x${seed.toString(16)});
    return { ${name}s: ['First', 'Second'].map((word) => ({ id: prng.id(), name: \`\${word} ${name}\` })) };
  },
  counts: (ds) => ({ ${name}s: ds.${name}s.length }),
  // ${TODO}: a query that finds one known ${name} with the full token and with --restricted, the Space URL its row
  // opens (built with web-url.ts from the data), and texts its card shows (KindE2eCase in kind-kit.ts).
  e2e: {
    query: 'first',
    url: (origin, ds) => ${name}Url(origin, ds.${name}s.find((x) => x.name === 'First ${name}')!.id),
    card: ['First ${name}'],
  },
});

function search${type}s(ctx: RequestContext): unknown {
  const query = ctx.query.get('query') ?? '';
  return pageOf(ctx.dataset.${name}s.filter((x) => containsFolded(x.name, query)), ctx.query);
}
`;
}

/**
 * What a kind needs besides what the scaffold writes: its ALL_KINDS line and its messages. Nothing else lists kinds:
 * the registries, the demo server, the e2e cases, the fuzz and the bench are built from the folders and modules.
 */
export function remainingSteps(name) {
  return [
    `Its place in ALL_KINDS (src/shared/kinds.ts): its group, chip and Alt+digit order.`,
    `Its messages in public/_locales/en/messages.json: kind_${name}, perm_<code> for a new permission, the card's texts.`,
    `Its demo server module, scripts/demo-space/kinds/${name}.ts: Space's real endpoint, the demo data, and the find → open`,
    `  case of the e2e suites (\`e2e\`, KindE2eCase in scripts/demo-space/kind-kit.ts).`,
    `Then clear every ${TODO} in src/kinds/${name}/ and scripts/demo-space/kinds/${name}.ts, and run: npx tsc --noEmit &&`,
    `  npx vitest run src/kinds scripts/demo-space scripts/fuzz scripts/bench && npm run test:e2e (docs/adding-a-kind.md).`,
  ];
}

/** Scaffolds `name` under `root`; returns the files written (or that would be), or throws with why not. */
export function scaffold(root, name, { dryRun = false } = {}) {
  const problem = checkName(name);
  if (problem) throw new Error(problem);
  const folder = join(root, 'src', 'kinds', name);
  if (existsSync(folder)) throw new Error(`src/kinds/${name}/ already exists`);
  const demo = join(root, 'scripts', 'demo-space', 'kinds', `${name}.ts`);
  if (existsSync(demo)) throw new Error(`scripts/demo-space/kinds/${name}.ts already exists`);
  const files = [
    ...Object.entries(kindFiles(name)).map(([file, content]) => ({ path: join(folder, file), content })),
    { path: demo, content: demoModule(name) },
  ];
  if (!dryRun) {
    mkdirSync(folder, { recursive: true });
    mkdirSync(dirname(demo), { recursive: true });
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
