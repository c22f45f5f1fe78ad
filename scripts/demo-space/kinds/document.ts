/**
 * Project documents: `GET /projects/{project}/documents/folders/{folder}/search`. Parameters from the spec and NET's
 * generated client ([C]: `query` required; `includeBody`, `foldersOnly` nullable booleans; `$skip`/`$top`); the folder
 * identifier `root` / `sharedWithMe` / `id:{id}` from NET's `FolderIdentifier` [C]; the search rules are guesses, [I].
 *
 * The data: a few folders per project (nested at most two deep) under the project's root folder, and documents in
 * them or at the top level, written by people of the directory (one by a built-in service), dated relative to the
 * anchor day; one archived. Authors are `CPrincipal`s whose `user` is the directory's own profile, so `$fields` and
 * restricted mode (nested profiles withheld) treat them like everywhere else. Ids from their own seed.
 */
import { documentUrl } from '../../../src/kinds/document/web-url.ts';
import { HOSTILE_PROJECT_KEY, HOSTILE_STRINGS, HOSTILE_USERNAME } from '../data-hostile.ts';
import type { World } from '../dataset.ts';
import {
  DAY_MS, containsFolded, createPrng, dateTime, defineKind, matchesWordPrefixes, notFound, pageOf, requiredParam, route,
  validationError, type QueryParams, type RequestContext,
} from '../kind-kit.ts';
import { projectParam } from '../lookup.ts';
import type { MemberProfile, Project } from '../world-types.ts';
import type { WireDateTime } from '../wire.ts';

declare module '../dataset.ts' {
  interface KindData {
    /** Every project's root folder first, then the folders, parents before children. */
    documentFolders: DemoFolder[];
    /** Newest change first. */
    documents: DemoDocument[];
  }
}

/** The e2e case's document: `perihelion` finds it alone. */
const PERIHELION = 'Perihelion pass runbook';

export default defineKind({
  kind: 'document',
  routes: [route('GET', '/projects/{project}/documents/folders/{folder}/search', searchDocumentsAndFolders)],
  data: (world, { anchorMs, hostile }) => {
    const built = generateDocuments(world, anchorMs, DOCUMENTS, SEED_DOCUMENTS);
    if (hostile) {
      const extra = generateDocuments(world, anchorMs, hostileDocuments(), SEED_HOSTILE);
      built.folders.push(...extra.folders);
      built.documents.push(...extra.documents);
    }
    built.documents.sort((a, b) => b.record.modified.timestamp - a.record.modified.timestamp || cmp(a.record.id, b.record.id));
    return { documentFolders: built.folders, documents: built.documents };
  },
  counts: (ds) => ({ documents: ds.documents.length, documentFolders: ds.documentFolders.filter((f) => f.record.parent !== null).length }),
  e2e: {
    query: 'perihelion',
    url: (origin, ds) => {
      const found = ds.documents.find((d) => d.record.title === PERIHELION);
      if (!found?.record.folderRef) throw new Error('the demo data has no perihelion runbook in a folder');
      return documentUrl(origin, 'ABC', { folderName: found.record.folderRef.name, alias: found.record.alias });
    },
    // The principal's name (the username) stands in for the author's name when the token may not read the profile.
    card: [PERIHELION, 'Runbooks', 'alex.demo'],
  },
});

/** `DocumentFolder` ([C] OAS field names; the root folder is the one without a parent [I]). */
export interface DocumentFolderRecord {
  id: string;
  archived: boolean;
  parent: DocumentFolderRecord | null;
  name: string;
  created: WireDateTime;
  updated: WireDateTime;
}

/** `CPrincipal` with a member's or a built-in service's details ([C] OAS `CUserPrincipalDetails`, `CBuiltInServicePrincipalDetails`). */
export interface DocumentPrincipal {
  name: string;
  details:
    | { className: 'CUserPrincipalDetails'; user: MemberProfile }
    | { className: 'CBuiltInServicePrincipalDetails'; key: string | null; name: string };
}

/** `Document` ([C] OAS field names, the required `documentBody` included; the body's text is the demo's own). */
export interface DocumentRecord {
  id: string;
  title: string;
  alias: string;
  archived: boolean;
  bodyType: 'TEXT' | 'CHECKLIST' | 'FILE';
  created: WireDateTime;
  createdBy: DocumentPrincipal;
  modified: WireDateTime;
  modifiedBy: DocumentPrincipal;
  folderRef: DocumentFolderRecord;
  documentBody:
    | { className: 'TextDocumentBodyInfo'; textDocumentId: string; textType: 'MARKDOWN' }
    | { className: 'FileDocumentBodyInfo'; fileDocumentId: string; contentType: string; fileSize: number }
    | { className: 'ChecklistDocumentBody'; canConvertItemsToIssues: boolean; checklistId: string; doneItemsCount: number; totalItemsCount: number };
}

/** A folder as the demo stores it: the wire record, and the project it belongs to. */
export interface DemoFolder {
  projectId: string;
  record: DocumentFolderRecord;
}

/** A document as the demo stores it: the wire record, its project, and its text (for `includeBody`; never sent). */
export interface DemoDocument {
  projectId: string;
  record: DocumentRecord;
  text: string;
}

type FolderItem = { className: 'DocumentFolderItem.FolderItem'; folder: DocumentFolderRecord; highlights: null };
type DocumentItem = { className: 'DocumentFolderItem.DocumentItem'; document: DocumentRecord; highlights: null };

/**
 * [C] `query` is required (missing or empty: 400); `includeBody` and `foldersOnly` are nullable booleans (anything but
 * `true`/`false` is a 400). [I] guessed: the search covers the folder and every folder below it; `query` matches
 * document titles and folder names (every word a prefix of a word, or a substring), and with `includeBody=true` the
 * text too; title and name matches come first, then the latest change first; folders come back among the documents
 * (`foldersOnly=true`: folders only); archived documents come back too ([U]: the client leaves them out);
 * `sharedWithMe` in a project finds nothing; the project's root folder itself is never a result.
 */
function searchDocumentsAndFolders(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  const project = projectParam(ctx);
  const query = requiredParam(q, 'query').trim();
  const includeBody = booleanParam(q, 'includeBody') ?? false;
  const foldersOnly = booleanParam(q, 'foldersOnly') ?? false;
  const scope = folderParam(ctx, project);
  if (scope === null || query === '') return pageOf([], q);

  const inScope = (folder: DocumentFolderRecord): boolean => {
    for (let f: DocumentFolderRecord | null = folder; f; f = f.parent) if (f === scope) return true;
    return false;
  };
  const rank = (title: string, text: string | null): number | null => {
    if (matchesWordPrefixes(query, [title])) return 0;
    if (containsFolded(title, query)) return 1;
    return text !== null && containsFolded(text, query) ? 2 : null;
  };

  const found: { rank: number; at: number; id: string; item: FolderItem | DocumentItem }[] = [];
  for (const { projectId, record } of ds.documentFolders) {
    if (projectId !== project.id || record.parent === null || record === scope || !inScope(record)) continue;
    const r = rank(record.name, null);
    if (r !== null) found.push({ rank: r, at: record.updated.timestamp, id: record.id, item: { className: 'DocumentFolderItem.FolderItem', folder: record, highlights: null } });
  }
  if (!foldersOnly) {
    for (const { projectId, record, text } of ds.documents) {
      if (projectId !== project.id || !inScope(record.folderRef)) continue;
      const r = rank(record.title, includeBody ? text : null);
      if (r !== null) found.push({ rank: r, at: record.modified.timestamp, id: record.id, item: { className: 'DocumentFolderItem.DocumentItem', document: record, highlights: null } });
    }
  }
  found.sort((a, b) => a.rank - b.rank || b.at - a.at || cmp(a.id, b.id));
  return pageOf(found.map((f) => f.item), q);
}

/** A nullable boolean parameter: absent or empty is null; `true`/`false` (any case); anything else a 400. */
function booleanParam(q: QueryParams, name: string): boolean | null {
  const raw = q.get(name);
  if (raw === undefined || raw === '') return null;
  const value = raw.toLowerCase();
  if (value !== 'true' && value !== 'false') throw validationError(`Parameter '${name}' has an invalid value`);
  return value === 'true';
}

/** The folder a `{folder}` names in `project`: `root`, `id:{id}` (404 when not the project's), `sharedWithMe` (none). */
function folderParam(ctx: RequestContext, project: Project): DocumentFolderRecord | null {
  const raw = ctx.params.folder as string;
  if (raw === 'root') return rootOf(ctx, project);
  if (raw === 'sharedWithMe') return null;
  if (!raw.startsWith('id:') || raw.length === 'id:'.length) throw validationError(`Invalid folder identifier '${raw}'`);
  const id = raw.slice('id:'.length);
  const folder = ctx.dataset.documentFolders.find((f) => f.projectId === project.id && f.record.id === id);
  if (!folder) throw notFound('Folder');
  return folder.record;
}

function rootOf(ctx: RequestContext, project: Project): DocumentFolderRecord {
  const root = ctx.dataset.documentFolders.find((f) => f.projectId === project.id && f.record.parent === null);
  if (!root) throw new Error(`project ${project.key.key} has no root folder`);
  return root.record;
}

/** One document of the demo: its project, folder (a path `A/B`, or the names; '' or none for the top level), title, author. */
interface DocumentSpec {
  project: string;
  folder: string | readonly string[];
  title: string;
  /** A username of the directory, or `{ service }` for a built-in service principal. */
  author: string | { service: string };
  bodyType: DocumentRecord['bodyType'];
  daysAgo: number;
  text: string;
  archived?: boolean;
  /** An alias of its own (hostile data); otherwise the title's slug. */
  alias?: string;
}

/**
 * `perihelion` finds exactly one document (ABC, Operations / Runbooks, by the demo user): the e2e case. `runbook`
 * finds documents in three projects of the demo user's scope and the Runbooks folder; `telemetry` mixes with issues and
 * repositories. FINANCE is private (the demo user is no member), LEGACY archived (it still answers).
 */
const DOCUMENTS: readonly DocumentSpec[] = [
  { project: 'ABC', folder: 'Operations/Runbooks', title: PERIHELION, author: 'alex.demo', bodyType: 'TEXT', daysAgo: 2,
    text: 'What to watch during the perihelion pass: thermal margins, battery state of charge and the downlink schedule.' },
  { project: 'ABC', folder: 'Operations/Runbooks', title: 'Rate limiter incident runbook', author: 'lukasz.wisniewski', bodyType: 'TEXT', daysAgo: 9,
    text: 'When the public API answers 429 for everyone: check the token bucket settings, then the Redis cluster.' },
  { project: 'ABC', folder: 'Operations', title: 'On-call rotation', author: 'bjorn.thorsson', bodyType: 'TEXT', daysAgo: 14,
    text: 'Who is on call this quarter, how handovers work and where the pager lives.' },
  { project: 'ABC', folder: 'Architecture', title: 'API gateway design notes', author: 'joerg.mueller', bodyType: 'TEXT', daysAgo: 21,
    text: 'Why the gateway terminates TLS, how routes are versioned and what the rate limiter sees.' },
  { project: 'ABC', folder: 'Architecture', title: 'Service dependency diagram', author: 'fang.wang', bodyType: 'FILE', daysAgo: 33,
    text: 'PDF export of the service map.' },
  { project: 'ABC', folder: 'Architecture', title: 'Old API gateway notes', author: 'joerg.mueller', bodyType: 'TEXT', daysAgo: 400, archived: true,
    text: 'Superseded by the design notes.' },
  { project: 'ABC', folder: '', title: 'Onboarding checklist for backend engineers', author: 'siobhan.obrien', bodyType: 'CHECKLIST', daysAgo: 40,
    text: 'Accounts, access to the staging cluster, first pull request.' },
  { project: 'ABC', folder: '', title: 'Nightly build report', author: { service: 'Automation' }, bodyType: 'TEXT', daysAgo: 1,
    text: 'Generated by the nightly job: 412 tests, 0 failures.' },
  { project: 'ORBIT', folder: 'Planning', title: 'Manoeuvre planning assumptions', author: 'taro.yamada', bodyType: 'TEXT', daysAgo: 12,
    text: 'Drag coefficients, thruster efficiency and the margins we keep for collision avoidance.' },
  { project: 'ORBIT', folder: 'Planning/Templates', title: 'Contact window report template', author: 'bjorn.thorsson', bodyType: 'TEXT', daysAgo: 45,
    text: 'Copy this page for every contact window review.' },
  { project: 'ORBIT', folder: 'Runbooks', title: 'Collision avoidance runbook', author: 'taro.yamada', bodyType: 'TEXT', daysAgo: 6,
    text: 'From a conjunction warning to a manoeuvre decision in under six hours.' },
  { project: 'NAV', folder: 'Calibration', title: 'Star tracker calibration procedure', author: 'ananya.sharma', bodyType: 'TEXT', daysAgo: 18,
    text: 'Thermal lookup table, boresight checks and the night-side residuals.' },
  { project: 'WEB', folder: 'Design system', title: 'Dark mode colour tokens', author: 'chloe.martin', bodyType: 'TEXT', daysAgo: 27,
    text: 'Every token with its light and dark value and the contrast it keeps.' },
  { project: 'WEB', folder: 'Releases', title: 'Release notes — June', author: 'kwame.mensah', bodyType: 'TEXT', daysAgo: 4,
    text: 'Mission Web 4.2: pass timeline, keyboard shortcuts, fewer spinners.' },
  { project: 'WEB', folder: 'Releases', title: 'Release runbook for Mission Web', author: 'kwame.mensah', bodyType: 'TEXT', daysAgo: 16,
    text: 'Freeze, tag, canary, roll out; what to do when the canary fails.' },
  { project: 'GROUND', folder: 'Procedures', title: 'Antenna pointing runbook', author: 'aroha.ngata', bodyType: 'TEXT', daysAgo: 8,
    text: 'Pointing offsets, the wind limits and the manual override.' },
  { project: 'TELEM', folder: 'Data', title: 'Telemetry retention policy', author: 'priya.raghunathan', bodyType: 'TEXT', daysAgo: 30,
    text: 'Raw frames for 90 days, decoded values for five years.' },
  { project: 'HANDBOOK', folder: 'People/Policies', title: 'Travel and expenses policy', author: 'fatima.benali', bodyType: 'TEXT', daysAgo: 60,
    text: 'Book through the travel desk; receipts within 30 days.' },
  { project: 'HANDBOOK', folder: 'People', title: 'Working hours and time zones', author: 'malgorzata.kowalczyk', bodyType: 'TEXT', daysAgo: 70,
    text: 'Core hours per office and how to set yours in Space.' },
  { project: 'FINANCE', folder: 'Budgets', title: 'FY budget 2025', author: 'ngozi.okonkwo', bodyType: 'FILE', daysAgo: 90,
    text: 'Spreadsheet export.' },
  { project: 'LEGACY', folder: '', title: 'Legacy telemetry shutdown plan', author: 'priya.raghunathan', bodyType: 'TEXT', daysAgo: 300,
    text: 'What moves to the new pipeline and when the old one goes dark.' },
];

const SEED_DOCUMENTS = 0x5eed_0006;
const SEED_HOSTILE = 0x5eed_0bb0;

/**
 * With `hostile`: in the hostile project, a folder named as markup holding a document whose title is markup and bidi
 * and whose alias would leave the page (`../javascript:…`), a 5 kB folder name below it, a document by a service whose
 * name is markup, and one whose alias is `..`. `hostile` finds all three.
 */
function hostileDocuments(): DocumentSpec[] {
  const h = HOSTILE_STRINGS;
  return [
    { project: HOSTILE_PROJECT_KEY, folder: [h.imgTag], title: `Hostile ${h.scriptClose} ${h.bidi}`, author: HOSTILE_USERNAME,
      bodyType: 'TEXT', daysAgo: 1, text: h.template, alias: `../${h.javascriptUrl}` },
    { project: HOSTILE_PROJECT_KEY, folder: [h.imgTag, h.longTitle], title: `Hostile ${h.zeroWidth}`, author: { service: h.svgBreakout },
      bodyType: 'CHECKLIST', daysAgo: 2, text: h.controlChars },
    { project: HOSTILE_PROJECT_KEY, folder: [h.rtlMixed], title: `Hostile ${h.rtlMixed}`, author: HOSTILE_USERNAME,
      bodyType: 'FILE', daysAgo: 3, text: h.percentEncoded, alias: '..' },
  ];
}

function generateDocuments(world: World, anchorMs: number, specs: readonly DocumentSpec[], seed: number): { folders: DemoFolder[]; documents: DemoDocument[] } {
  const prng = createPrng(seed);
  const folders: DemoFolder[] = [];
  const byPath = new Map<string, DocumentFolderRecord>();
  const at = (daysAgo: number) => anchorMs - daysAgo * DAY_MS + prng.int(7, 17) * 3_600_000 + prng.int(0, 3_599_999);

  const folderOf = (project: Project, path: readonly string[], daysAgo: number): DocumentFolderRecord => {
    const key = JSON.stringify([project.id, ...path]);
    const existing = byPath.get(key);
    if (existing) return existing;
    const parent = path.length === 0 ? null : folderOf(project, path.slice(0, -1), daysAgo + 30);
    const created = at(daysAgo + 30);
    const record: DocumentFolderRecord = {
      // [I] the root's name: Space's UI calls the place "Documents".
      id: prng.id(), archived: false, parent, name: path.at(-1) ?? 'Documents',
      created: dateTime(created), updated: dateTime(Math.max(created, at(daysAgo))),
    };
    byPath.set(key, record);
    folders.push({ projectId: project.id, record });
    return record;
  };

  const aliases = new Set<string>();
  const documents = specs.map((spec): DemoDocument => {
    const project = world.projectByKey.get(spec.project);
    if (!project) throw new Error(`document project ${spec.project} is not in the world`);
    const id = prng.id();
    const author = principalOf(world, spec.author);
    const created = at(spec.daysAgo + prng.int(0, 20));
    const modified = Math.max(created, at(spec.daysAgo));
    const slug = slugOf(spec.title);
    const alias = spec.alias ?? (aliases.has(`${spec.project}/${slug}`) ? `${slug}-${id}` : slug);
    aliases.add(`${spec.project}/${slug}`);
    return {
      projectId: project.id,
      text: spec.text,
      record: {
        id, title: spec.title, alias, archived: spec.archived === true, bodyType: spec.bodyType,
        created: dateTime(created), createdBy: author, modified: dateTime(modified), modifiedBy: author,
        folderRef: folderOf(project, pathOf(spec.folder), spec.daysAgo), documentBody: bodyOf(spec.bodyType, prng.id()),
      },
    };
  });
  // Roots first, then parents before children (creation order already is), for a stable listing.
  folders.sort((a, b) => Number(a.record.parent !== null) - Number(b.record.parent !== null));
  return { folders, documents };
}

function pathOf(folder: DocumentSpec['folder']): readonly string[] {
  return typeof folder === 'string' ? folder.split('/').filter((name) => name !== '') : folder;
}

function principalOf(world: World, author: DocumentSpec['author']): DocumentPrincipal {
  if (typeof author !== 'string') {
    return { name: author.service, details: { className: 'CBuiltInServicePrincipalDetails', key: null, name: author.service } };
  }
  const user = world.profiles.find((p) => p.username === author);
  if (!user) throw new Error(`document author ${author} is not in the directory`);
  // As issues' `createdBy` in this demo: the principal's name is the username [I].
  return { name: user.username, details: { className: 'CUserPrincipalDetails', user } };
}

function bodyOf(type: DocumentRecord['bodyType'], id: string): DocumentRecord['documentBody'] {
  if (type === 'FILE') return { className: 'FileDocumentBodyInfo', fileDocumentId: id, contentType: 'application/pdf', fileSize: 48_213 };
  if (type === 'CHECKLIST') return { className: 'ChecklistDocumentBody', canConvertItemsToIssues: true, checklistId: id, doneItemsCount: 3, totalItemsCount: 9 };
  return { className: 'TextDocumentBodyInfo', textDocumentId: id, textType: 'MARKDOWN' };
}

/** `Workspace-model-custom-entities-creation` [C public links]: the title's words joined by `-`, case and letters kept [I]. */
function slugOf(title: string): string {
  return title.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').join('-');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
