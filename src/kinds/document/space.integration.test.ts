/**
 * The document kind against the demo Space server over real HTTP: its Space call (searchDocuments) and its worker
 * side (search: one request per project in scope, nothing for keys and project keys). Every request and answer is
 * also checked against the published spec (test/contract-setup.ts). Expectations come from the server's dataset.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS as hostile } from '../../../scripts/demo-space/data-hostile.ts';
import { startDemoServer, type DemoServer } from '../../../scripts/demo-space/server.ts';
import { useDemoServer } from '../../../scripts/demo-space/use-demo-server.ts';
import { parseQuery } from '../../shared/query.ts';
import type { SpaceApi } from '../../space/api.ts';
import { createSpaceClient } from '../../space/client.ts';
import { spaceErrorOf } from '../../space/test-support/space-error-of.ts';
import type { KindSearchContext } from '../kind-search.ts';
import { search } from './search.ts';
import { searchDocuments } from './space.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

function client(on: DemoServer = server): SpaceApi {
  return createSpaceClient({
    origin: on.url, token: on.token, timeoutMs: 3000,
    retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 40, totalBudgetMs: 3000 },
  });
}

const searches = () => server.requests.filter((r) => /^\/api\/http\/projects\/[^/]+\/documents\/folders\/root\/search$/.test(r.path));
const record = (title: string) => server.dataset.documents.find((d) => d.record.title === title)?.record;

function context(projects: string[]): KindSearchContext & { scopeAsked: number } {
  const ctx = {
    signal: new AbortController().signal, top: 5, scopeAsked: 0,
    scopeProjects: async () => { ctx.scopeAsked += 1; return projects; },
  };
  return ctx;
}

describe('searchDocuments', () => {
  it('one request to the project\'s root folder finds a nested document; the row has everything the card shows', async () => {
    const found = await searchDocuments(client(), 'ABC', 'perihelion');
    const perihelion = record('Perihelion pass runbook');
    const alex = server.dataset.profileByUsername.get('alex.demo');
    expect(found).toEqual({
      items: [{
        kind: 'document', id: perihelion?.id, title: 'Perihelion pass runbook', projectKey: 'ABC',
        webUrl: `${server.url}/p/ABC/documents/Runbooks/a/Perihelion-pass-runbook`,
        folder: { id: perihelion?.folderRef.id, name: 'Runbooks' },
        author: { id: alex?.id, username: 'alex.demo', name: `${alex?.name.firstName} ${alex?.name.lastName}` },
        updatedAt: perihelion?.modified.timestamp,
      }],
      next: null, totalCount: 1, unreadable: 0,
    });
    const [request] = searches();
    expect(request?.path).toBe('/api/http/projects/key:ABC/documents/folders/root/search');
    expect(request?.query).toMatchObject({ query: ['perihelion'], $top: ['20'] });
    expect(request?.query.includeBody).toBeUndefined();
    expect(request?.query.foldersOnly).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('leaves the folders and archived documents of the answer out, uncounted', async () => {
    const runbook = await searchDocuments(client(), 'ABC', 'runbook');
    expect(runbook.items.map((d) => d.title)).toEqual(['Perihelion pass runbook', 'Rate limiter incident runbook']);
    expect(runbook).toMatchObject({ unreadable: 0, totalCount: 3 });
    const old = await searchDocuments(client(), 'ABC', 'old api');
    expect(old).toMatchObject({ items: [], unreadable: 0, totalCount: 1 });
  });

  it('a top-level document has no folder and links to the project\'s documents; a service author is its name', async () => {
    const [nightly] = (await searchDocuments(client(), 'ABC', 'nightly')).items;
    expect(nightly).toMatchObject({ folder: null, webUrl: `${server.url}/p/ABC/documents`, author: { id: null, username: null, name: 'Automation' } });
  });

  it('restricted token: the author is the principal\'s name, named hidden; the rest is whole', async () => {
    server.setRestricted(true);
    const [document] = (await searchDocuments(client(), 'ABC', 'perihelion')).items;
    expect(document).toMatchObject({
      author: { id: server.dataset.profileByUsername.get('alex.demo')?.id, username: null, name: 'alex.demo' },
      hidden: ['author'], folder: { name: 'Runbooks' }, title: 'Perihelion pass runbook',
    });
  });

  it('a project that doesn\'t exist (or the token can\'t see) is not-found', async () => {
    expect(await spaceErrorOf(searchDocuments(client(), 'FINANCE', 'budget'))).toMatchObject({ code: 'not-found', op: 'searchDocuments', subject: 'FINANCE' });
  });

  it('a 403 is forbidden, naming what Space named', async () => {
    server.setFault('/projects/key:ABC/documents', { status: 403, permission: 'Documents.View' });
    expect(await spaceErrorOf(searchDocuments(client(), 'ABC', 'x'))).toMatchObject({ code: 'forbidden', permission: 'Documents.View' });
  });
});

describe('the document search (worker side)', () => {
  it('asks each project in scope once and merges; a project that is gone is skipped', async () => {
    const ctx = context(['ABC', 'ORBIT', 'WEB', 'FINANCE']);
    const found = await search.search(client(), parseQuery('runbook'), ctx);
    expect(found.items.map((d) => `${d.projectKey}: ${d.title}`)).toEqual([
      'ABC: Perihelion pass runbook', 'ORBIT: Collision avoidance runbook', 'WEB: Release runbook for Mission Web', 'ABC: Rate limiter incident runbook',
    ]);
    expect(found.unreadable).toBe(0);
    expect(searches().map((r) => r.path.split('/')[4]).sort()).toEqual(['key:ABC', 'key:FINANCE', 'key:ORBIT', 'key:WEB']);
    expect(ctx.scopeAsked).toBe(1);
  });

  it('a project key alone, an issue key or an empty query finds no documents and asks nothing, not even the scope', async () => {
    for (const text of ['ABC', 'ABC-T-12', 'ABC-MR-2', '', '   ']) {
      const ctx = context(['ABC']);
      expect(await search.search(client(), parseQuery(text), ctx)).toEqual({ items: [], unreadable: 0 });
      expect(ctx.scopeAsked, text).toBe(0);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('is project-scoped, has no details to load, and names its permission', () => {
    expect(search).toMatchObject({ kind: 'document', projectScoped: true, permission: 'Documents.View' });
    expect(search.details('anything')).toBeNull();
  });
});

describe('hostile documents', () => {
  it('markup stays text; every link stays under the project\'s documents on the configured origin', async () => {
    const xss = await startDemoServer({ hostile: true });
    try {
      const found = await searchDocuments(client(xss), 'XSS', 'hostile');
      expect(found.items).toHaveLength(3);
      for (const d of found.items) expect(d.webUrl.startsWith(`${xss.url}/p/XSS/documents`), d.webUrl).toBe(true);
      const markup = found.items.find((d) => d.title.includes(hostile.scriptClose));
      expect(markup).toMatchObject({
        folder: { name: hostile.imgTag },
        webUrl: `${xss.url}/p/XSS/documents/${encodeURIComponent(hostile.imgTag)}/a/${encodeURIComponent(`../${hostile.javascriptUrl}`)}`,
      });
      expect(found.items.find((d) => d.title.includes('مرحبا'))?.webUrl).toBe(`${xss.url}/p/XSS/documents`);
      expect(found.items.find((d) => d.folder?.name === hostile.longTitle)?.author).toEqual({ id: null, username: null, name: hostile.svgBreakout });
    } finally {
      await xss.close();
    }
  });
});
