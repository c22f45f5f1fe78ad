/** A document's link: the sightings' pattern where it applies, the project's documents page otherwise; on the origin always. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOriginUrl } from '../../space/same-origin.ts';
import { documentUrl } from './web-url.ts';

const ORIGIN = 'https://space.example.com';

describe('document links', () => {
  it('builds the pattern of the public links, /p/{key}/documents/{folder}/a/{alias}', () => {
    expect(documentUrl(ORIGIN, 'WM', { folderName: 'Development', alias: 'Workspace-model-custom-entities-creation' }))
      .toBe(`${ORIGIN}/p/WM/documents/Development/a/Workspace-model-custom-entities-creation`);
  });

  it('falls back to the project\'s documents without a folder or an alias', () => {
    expect(documentUrl(ORIGIN, 'ABC')).toBe(`${ORIGIN}/p/ABC/documents`);
    expect(documentUrl(ORIGIN, 'ABC', null)).toBe(`${ORIGIN}/p/ABC/documents`);
    expect(documentUrl(ORIGIN, 'ABC', { folderName: '', alias: 'x' })).toBe(`${ORIGIN}/p/ABC/documents`);
    expect(documentUrl(ORIGIN, 'ABC', { folderName: 'Docs', alias: '' })).toBe(`${ORIGIN}/p/ABC/documents`);
  });

  it('encodes every segment; `.` and `..`, which URL parsing would collapse, fall back too', () => {
    expect(documentUrl(ORIGIN, 'ABC', { folderName: 'Design system', alias: 'Рецепт-с-KeyCloak' }))
      .toBe(`${ORIGIN}/p/ABC/documents/Design%20system/a/${encodeURIComponent('Рецепт-с-KeyCloak')}`);
    expect(documentUrl(ORIGIN, 'ABC', { folderName: 'a/b?c#d', alias: '../javascript:alert(1)' }))
      .toBe(`${ORIGIN}/p/ABC/documents/a%2Fb%3Fc%23d/a/..%2Fjavascript%3Aalert(1)`);
    expect(documentUrl(ORIGIN, 'ABC', { folderName: '..', alias: 'x' })).toBe(`${ORIGIN}/p/ABC/documents`);
    expect(documentUrl(ORIGIN, 'ABC', { folderName: 'Docs', alias: '.' })).toBe(`${ORIGIN}/p/ABC/documents`);
  });

  it('keeps its shape and the names it was given, whatever they are', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(fc.property(text.filter((s) => s !== '.' && s !== '..' && s !== ''), text, text, (key, folderName, alias) => {
      const url = new URL(documentUrl(ORIGIN, key, { folderName, alias }));
      expect(isSameOriginUrl(url.href, ORIGIN)).toBe(true);
      const base = `/p/${encodeURIComponent(key)}/documents`;
      if (folderName === '' || alias === '' || /^\.{1,2}$/.test(folderName) || /^\.{1,2}$/.test(alias)) {
        expect(url.pathname).toBe(base);
        return;
      }
      const [folder, a, last, ...rest] = url.pathname.slice(base.length + 1).split('/');
      expect([decodeURIComponent(folder ?? ''), a, decodeURIComponent(last ?? ''), rest]).toEqual([folderName, 'a', alias, []]);
      expect(url.search + url.hash).toBe('');
    }), { numRuns: 500 });
  });
});
