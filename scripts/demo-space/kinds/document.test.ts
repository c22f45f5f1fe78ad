/**
 * kinds/document.ts over real HTTP: search in a project's root folder (documents and folders mixed, nested ones
 * included), a subfolder, the parameters Space requires or checks, restricted mode for the author, and hostile
 * documents served verbatim. Every answer is also checked against the spec (contract setup).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_BATCH_FIELDS } from '../../../src/kinds/document/mapper.ts';
import { HOSTILE_STRINGS as h } from '../data-hostile.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import type { DocumentFolderRecord, DocumentRecord } from './document.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.setRestricted(false);
});

interface Item {
  className: string;
  document?: Partial<DocumentRecord> & { createdBy?: { name: string; details: { className: string; user?: Record<string, unknown> } } };
  folder?: Partial<DocumentFolderRecord>;
}

const search = (project: string, folder: string, params: string, fields = DOCUMENT_BATCH_FIELDS) =>
  api<BatchJson<Item>>(server, `/projects/${project}/documents/folders/${folder}/search?${params}&${fieldsParam(fields)}`);
const titles = (items: Item[]) => items.flatMap((i) => (i.document ? [i.document.title] : []));

describe('GET /projects/{project}/documents/folders/{folder}/search', () => {
  it('finds a nested document from the root folder, with the fields the extension asks for', async () => {
    const r = await search('key:ABC', 'root', 'query=perihelion');
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(1);
    const [item] = r.json.data;
    expect(item?.className).toBe('DocumentFolderItem.DocumentItem');
    expect(Object.keys(item ?? {}).sort()).toEqual(['className', 'document']);
    const alex = server.dataset.profileByUsername.get('alex.demo');
    expect(item?.document).toEqual({
      id: expect.any(String), title: 'Perihelion pass runbook', alias: 'Perihelion-pass-runbook', archived: false,
      modified: { iso: expect.any(String), timestamp: expect.any(Number) },
      createdBy: { name: 'alex.demo', details: { className: 'CUserPrincipalDetails', user: { id: alex?.id, username: 'alex.demo', name: alex?.name } } },
      folderRef: { id: expect.any(String), name: 'Runbooks', parent: { id: expect.any(String) } },
    });
  });

  it('returns folders among the documents (a word of a folder name), title matches first, then the latest change', async () => {
    const r = await search('key:ABC', 'root', 'query=runbook', 'data(className,folder(name),document(title,modified))');
    expect(r.json.data.map((i) => i.className)).toContain('DocumentFolderItem.FolderItem');
    expect(r.json.data.find((i) => i.folder)?.folder).toEqual({ name: 'Runbooks' });
    expect(titles(r.json.data)).toEqual(['Perihelion pass runbook', 'Rate limiter incident runbook']);
    expect((await search('key:ABC', 'root', 'query=runbook&foldersOnly=true', 'data(className)')).json.data)
      .toEqual([{ className: 'DocumentFolderItem.FolderItem' }]);
  });

  it('a subfolder by id searches below it only; sharedWithMe finds nothing; unknown folders are 404', async () => {
    const abc = server.dataset.projectByKey.get('ABC');
    const architecture = server.dataset.documentFolders.find((f) => f.projectId === abc?.id && f.record.name === 'Architecture');
    const inside = await search('key:ABC', `id:${architecture?.record.id}`, 'query=notes', 'data(document(title))');
    expect(titles(inside.json.data).sort()).toEqual(['API gateway design notes', 'Old API gateway notes']);
    expect(titles((await search('key:ABC', `id:${architecture?.record.id}`, 'query=runbook', 'data(document(title))')).json.data)).toEqual([]);
    expect((await search('key:ABC', 'sharedWithMe', 'query=runbook')).json).toMatchObject({ data: [], totalCount: 0 });
    const orbitFolder = server.dataset.documentFolders.find((f) => f.projectId !== abc?.id && f.record.parent !== null);
    expect(await search('key:ABC', `id:${orbitFolder?.record.id}`, 'query=x')).toMatchObject({ status: 404, json: { error: 'not-found' } });
  });

  it('archived documents come back, marked; the body is searched only with includeBody', async () => {
    const archived = await search('key:ABC', 'root', 'query=old%20api', 'data(document(title,archived))');
    expect(archived.json.data).toEqual([{ document: { title: 'Old API gateway notes', archived: true } }]);
    expect(titles((await search('key:ABC', 'root', 'query=thermal', 'data(document(title))')).json.data)).toEqual([]);
    expect(titles((await search('key:ABC', 'root', 'query=thermal&includeBody=true', 'data(document(title))')).json.data))
      .toEqual(['Perihelion pass runbook']);
  });

  it('documents of a document at the top level are in the root folder; a service principal has no user', async () => {
    const r = await search('key:ABC', 'root', 'query=nightly', 'data(document(title,folderRef(name,parent(id)),createdBy(name,details(className,user(id)))))');
    expect(r.json.data).toEqual([{ document: {
      title: 'Nightly build report', folderRef: { name: 'Documents', parent: null },
      createdBy: { name: 'Automation', details: { className: 'CBuiltInServicePrincipalDetails' } },
    } }]);
  });

  it('pages with $top and $skip; an unknown or private project is 404', async () => {
    const all = await search('key:WEB', 'root', 'query=r', 'next,totalCount,data(className)');
    expect(all.json.totalCount).toBeGreaterThan(2);
    const first = await search('key:WEB', 'root', 'query=r&$top=2', 'next,totalCount,data(className)');
    expect(first.json).toMatchObject({ next: '2', totalCount: all.json.totalCount });
    expect(await search('key:FINANCE', 'root', 'query=budget')).toMatchObject({ status: 404, json: { error: 'not-found' } });
    expect(await search('key:NOPE', 'root', 'query=x')).toMatchObject({ status: 404, json: { error: 'not-found' } });
  });

  it('query is required; the booleans and the folder identifier are checked', async () => {
    expect((await search('key:ABC', 'root', '')).status).toBe(400);
    expect((await search('key:ABC', 'root', 'query=x&foldersOnly=maybe')).status).toBe(400);
    expect((await search('key:ABC', 'root', 'query=x&includeBody=1')).status).toBe(400);
    expect((await search('key:ABC', 'Runbooks', 'query=x')).status).toBe(400);
    expect(takeViolationKinds().length).toBeGreaterThan(0);
  });

  it('restricted: the author\'s profile comes back as an id with an inline $errors; the principal\'s name stays', async () => {
    server.setRestricted(true);
    const [item] = (await search('key:ABC', 'root', 'query=perihelion')).json.data;
    expect(item?.document?.createdBy).toEqual({
      name: 'alex.demo',
      details: {
        className: 'CUserPrincipalDetails',
        user: { id: server.dataset.profileByUsername.get('alex.demo')?.id, $errors: [expect.objectContaining({ fields: ['username', 'name'] })] },
      },
    });
    expect(item?.document?.title).toBe('Perihelion pass runbook');
  });

  it('counts documents and folders', async () => {
    const info = await fetch(`${server.url}/__demo/info`).then((r) => r.json() as Promise<{ counts: Record<string, number> }>);
    expect(info.counts.documents).toBe(server.dataset.documents.length);
    expect(info.counts.documentFolders).toBeGreaterThan(10);
  });
});

describe('hostile data', () => {
  it('serves markup verbatim in titles, folder names, aliases and a service\'s name', async () => {
    const hostile = await startDemoServer({ hostile: true });
    try {
      const r = await api<BatchJson<Item>>(hostile, `/projects/key:XSS/documents/folders/root/search?query=hostile&${fieldsParam(DOCUMENT_BATCH_FIELDS)}`);
      const documents = r.json.data.flatMap((i) => (i.document ? [i.document] : []));
      expect(documents).toHaveLength(3);
      expect(documents.map((d) => d.title)).toContain(`Hostile ${h.scriptClose} ${h.bidi}`);
      expect(documents.map((d) => d.alias)).toEqual(expect.arrayContaining([`../${h.javascriptUrl}`, '..']));
      expect(documents.map((d) => d.folderRef?.name)).toEqual(expect.arrayContaining([h.imgTag, h.longTitle, h.rtlMixed]));
      expect(documents.map((d) => d.createdBy?.name)).toContain(h.svgBreakout);
    } finally {
      await hostile.close();
    }
  });
});
