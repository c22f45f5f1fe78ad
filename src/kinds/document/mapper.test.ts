/** Search items → documents: spec-shaped examples, what is left out or counted, withheld fields, then properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBatch } from '../../space/paging.ts';
import { Reader } from '../../space/parse.ts';
import { isSameOriginUrl } from '../../space/same-origin.ts';
import { documentsOnly, mapDocument, mapDocumentItem } from './mapper.ts';

const ORIGIN = 'https://space.example.com';
type Json = Record<string, unknown>;

const joanna = { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' } };
const runbooks = { id: 'f2', name: 'Runbooks', parent: { id: 'f1' } };
const document: Json = {
  id: 'd1', title: 'Perihelion pass runbook', alias: 'Perihelion-pass-runbook', archived: false,
  modified: { iso: '2024-06-10T10:00:00.000Z', timestamp: 1718013600000 },
  createdBy: { name: 'Joanna.Smith', details: { className: 'CUserPrincipalDetails', user: joanna } },
  folderRef: runbooks,
};
const documentItem = (d: Json = document): Json => ({ className: 'DocumentFolderItem.DocumentItem', document: d });
const folderItem: Json = { className: 'DocumentFolderItem.FolderItem', folder: runbooks };

/** `fields` of `object` replaced by a `$errors` entry naming them, as Space sends it. */
function withheld(object: Json, fields: string[]): Json {
  const copy: Json = { ...object };
  for (const field of fields) delete copy[field];
  copy.$errors = [{ className: 'HA_InlineError.InaccessibleFields', fields, message: `Could not access following fields: ${fields.join(', ')}` }];
  return copy;
}

const map = (d: Json, projectKey = 'ABC') => mapDocument(Reader.of(d), ORIGIN, projectKey);
const page = (data: unknown[]) => documentsOnly(parseBatch({ next: String(data.length), totalCount: data.length, data }, (item) => mapDocumentItem(item, ORIGIN, 'ABC')));

describe('a document', () => {
  it('maps title, folder, author and last change; the link is /p/{key}/documents/{folder}/a/{alias}', () => {
    expect(map(document)).toEqual({
      kind: 'document', id: 'd1', title: 'Perihelion pass runbook', projectKey: 'ABC',
      webUrl: `${ORIGIN}/p/ABC/documents/Runbooks/a/Perihelion-pass-runbook`,
      folder: { id: 'f2', name: 'Runbooks' }, author: { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: 'Joanna Smith' },
      updatedAt: 1718013600000,
    });
  });

  it('at the top level (its folder has no parent, or none is sent) it shows no folder and links to the project\'s documents', () => {
    for (const folderRef of [{ id: 'root', name: 'Documents', parent: null }, { id: 'root', name: 'Documents' }, null]) {
      expect(map({ ...document, folderRef })).toMatchObject({ folder: null, webUrl: `${ORIGIN}/p/ABC/documents` });
    }
  });

  it('without an alias the link is the project\'s documents', () => {
    expect(map({ ...document, alias: '' }).webUrl).toBe(`${ORIGIN}/p/ABC/documents`);
  });

  it('a non-member author (an application, a service) reads as the principal\'s name', () => {
    const author = map({ ...document, createdBy: { name: 'Automation', details: { className: 'CBuiltInServicePrincipalDetails' } } }).author;
    expect(author).toEqual({ id: null, username: null, name: 'Automation' });
    expect(map({ ...document, createdBy: null }).author).toBeNull();
  });

  it('an author profile the token may not read: the principal\'s name stands in, and the author is named hidden', () => {
    const createdBy = { name: 'Joanna.Smith', details: { className: 'CUserPrincipalDetails', user: withheld(joanna, ['username', 'name']) } };
    expect(map({ ...document, createdBy })).toMatchObject({
      author: { id: '4TUpet38n3Ow', username: null, name: 'Joanna.Smith' }, hidden: ['author'],
    });
  });

  it('a withheld folder, creator or date is hidden, never a failure; the link then goes to the project\'s documents', () => {
    const d = map(withheld(document, ['folderRef', 'createdBy', 'modified']));
    expect(d).toMatchObject({ folder: null, author: null, updatedAt: null, webUrl: `${ORIGIN}/p/ABC/documents`, hidden: ['author', 'folder', 'updatedAt'] });
    expect(map({ ...document, folderRef: withheld(runbooks, ['name']) })).toMatchObject({ folder: null, hidden: ['folder'] });
  });

  it('a withheld title or id: one stands in for the other; without the id the link is the project\'s documents', () => {
    expect(map(withheld(document, ['title']))).toMatchObject({ id: 'd1', title: 'd1', hidden: ['title'] });
    expect(map(withheld(document, ['id']))).toMatchObject({ id: 'Perihelion pass runbook', webUrl: `${ORIGIN}/p/ABC/documents`, hidden: ['id'] });
  });

  it('a date in a shape it cannot read is unknown and named unreadable', () => {
    expect(map({ ...document, modified: 'yesterday' })).toMatchObject({ updatedAt: null, unreadable: ['updatedAt'] });
  });
});

describe('a page of search items', () => {
  it('keeps documents; leaves folders and archived documents out without counting them', () => {
    const out = page([folderItem, documentItem(), documentItem({ ...document, id: 'd2', archived: true })]);
    expect(out.items.map((d) => d.id)).toEqual(['d1']);
    expect(out.unreadable).toBe(0);
  });

  it('without a className, the item\'s own key decides', () => {
    expect(page([{ document }, { folder: runbooks }]).items.map((d) => d.id)).toEqual(['d1']);
  });

  it('counts as unreadable an item whose document is missing, withheld or broken, and one that is not an object', () => {
    const out = page([
      { className: 'DocumentFolderItem.DocumentItem' },
      withheld({ className: 'DocumentFolderItem.DocumentItem' }, ['document']),
      documentItem({ ...document, title: 42 }),
      documentItem({ title: 'no id' }),
      'junk',
      documentItem(),
    ]);
    expect(out).toMatchObject({ unreadable: 5, items: [{ id: 'd1' }] });
  });
});

describe('properties', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 30 });

  it('the link stays on the configured origin under the project\'s documents, whatever the strings', () => {
    fc.assert(fc.property(text, text, text, text, (key, title, alias, folder) => {
      const projectKey = key || 'K';
      const d = map({ ...document, title, alias, folderRef: { id: 'f', name: folder, parent: { id: 'r' } } }, projectKey);
      expect(isSameOriginUrl(d.webUrl, ORIGIN)).toBe(true);
      const base = `${ORIGIN}/p/${encodeURIComponent(projectKey)}/documents`;
      if (projectKey === '.' || projectKey === '..') return;
      expect(d.webUrl === base || d.webUrl.startsWith(`${base}/`), d.webUrl).toBe(true);
      if (d.webUrl !== base) expect(d.webUrl).toBe(`${base}/${encodeURIComponent(folder)}/a/${encodeURIComponent(alias)}`);
    }), { numRuns: 300 });
  });

  it('any set of withheld fields never fails the document, and each is named hidden', () => {
    const keys = ['title', 'alias', 'modified', 'createdBy', 'folderRef'] as const;
    const names: Record<(typeof keys)[number], string> = { title: 'title', alias: 'alias', modified: 'updatedAt', createdBy: 'author', folderRef: 'folder' };
    fc.assert(fc.property(fc.subarray([...keys], { minLength: 1 }), (gone) => {
      const d = map(withheld(document, gone));
      for (const key of gone) expect(d.hidden).toContain(names[key]);
      expect(d.title).not.toBe('');
    }), { numRuns: 100 });
  });

  it('any JSON in the optional places never fails the page: each item is a document, left out, or counted', () => {
    const anything = fc.jsonValue({ maxDepth: 2 });
    fc.assert(fc.property(fc.array(fc.record({
      className: fc.constantFrom('DocumentFolderItem.DocumentItem', 'DocumentFolderItem.FolderItem', 'Other', undefined),
      folderRef: anything, createdBy: anything, modified: anything, alias: anything,
    }, { requiredKeys: [] }), { maxLength: 6 }), (items) => {
      const data = items.map(({ className, ...rest }) => ({ className, document: { ...document, ...rest } }));
      const out = page(data);
      expect(out.items.length + out.unreadable).toBeLessThanOrEqual(data.length);
      for (const d of out.items) expect(isSameOriginUrl(d.webUrl, ORIGIN)).toBe(true);
    }), { numRuns: 200 });
  });
});
