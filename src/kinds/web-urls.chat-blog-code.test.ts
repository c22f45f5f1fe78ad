/** Links of the chat, blog and code kinds: built from ids only, on the configured origin. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { articleUrl } from './article/web-url.ts';
import { channelUrl } from './channel/web-url.ts';
import { fileUrl } from './code/web-url.ts';

const ORIGIN = 'https://space.example.com';

describe('chat, blog and file links', () => {
  it('builds the documented patterns', () => {
    expect(channelUrl(ORIGIN, '4DLh053zIix6')).toBe(`${ORIGIN}/im/group/4DLh053zIix6`);
    expect(articleUrl(ORIGIN, '2Pd0Ab')).toBe(`${ORIGIN}/blog/2Pd0Ab`);
    expect(fileUrl(ORIGIN, { projectKey: 'IJ', repository: 'ultimate', commit: '84449419', path: 'community/jps/A.java', line: 27 }))
      .toBe(`${ORIGIN}/p/IJ/repositories/ultimate/files/84449419/community/jps/A.java?tab=source&line=27&lines-count=1`);
    expect(fileUrl(ORIGIN, { projectKey: 'IJ', repository: 'ultimate', commit: 'abc', path: 'README.md' }))
      .toBe(`${ORIGIN}/p/IJ/repositories/ultimate/files/abc/README.md`);
  });

  it('encodes every segment; a path that URL parsing would shorten becomes one segment', () => {
    expect(channelUrl(ORIGIN, 'a/b?c')).toBe(`${ORIGIN}/im/group/a%2Fb%3Fc`);
    expect(articleUrl(ORIGIN, '#x')).toBe(`${ORIGIN}/blog/%23x`);
    expect(fileUrl(ORIGIN, { projectKey: 'A', repository: 'r', commit: 'c', path: 'docs/my file?#.md', line: 3 }))
      .toBe(`${ORIGIN}/p/A/repositories/r/files/c/docs/my%20file%3F%23.md?tab=source&line=3&lines-count=1`);
    expect(fileUrl(ORIGIN, { projectKey: 'A', repository: 'r', commit: 'c', path: 'a/../../x' }))
      .toBe(`${ORIGIN}/p/A/repositories/r/files/c/a%2F..%2F..%2Fx`);
    expect(fileUrl(ORIGIN, { projectKey: 'A', repository: 'r', commit: 'c', path: '..' })).toBe(`${ORIGIN}/p/A/repositories/r`);
    expect(fileUrl(ORIGIN, { projectKey: 'A', repository: 'r', commit: 'c', path: 'x', line: 0 })).toBe(`${ORIGIN}/p/A/repositories/r/files/c/x`);
  });

  it('a file link keeps its shape and its path, whatever the path', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    // A `.`/`..` key or commit is collapsed like any such id (src/space/web-urls.ts `urlSegment`); stays on the origin, not checked here.
    const id = text.filter((s) => s !== '.' && s !== '..');
    fc.assert(fc.property(id, id, fc.array(text.filter((s) => s !== ''), { minLength: 1, maxLength: 4 }), fc.option(fc.nat()), (key, commit, parts, line) => {
      const path = parts.join('/');
      const url = new URL(fileUrl(ORIGIN, { projectKey: key || 'K', repository: 'r', commit: commit || 'c', path, line }));
      expect(isSameOriginUrl(url.href, ORIGIN)).toBe(true);
      const prefix = `/p/${encodeURIComponent(key || 'K')}/repositories/r/files/${encodeURIComponent(commit || 'c')}/`;
      if (/^\.{0,2}$/.test(path)) return;
      expect(url.pathname.startsWith(prefix), url.pathname).toBe(true);
      expect(decodeURIComponent(url.pathname.slice(prefix.length))).toBe(path);
      expect(url.search).toBe(line !== null && line > 0 ? `?tab=source&line=${line}&lines-count=1` : '');
    }), { numRuns: 500 });
  });
});
