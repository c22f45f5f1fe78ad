/** The mappers of the three global searches (chat channels, blog articles, source code) over spec-shaped payloads. */
import { describe, expect, it } from 'vitest';
import { parseBatch } from '../space/paging.ts';
import { Reader, ShapeError } from '../space/parse.ts';
import { mapArticle } from './article/mapper.ts';
import { mapChannel } from './channel/mapper.ts';
import { mapCodeMatch } from './code/mapper.ts';

const ORIGIN = 'https://space.example.com';

describe('chat channel', () => {
  it('maps an AllChannelsListEntry; the link is the channel page', () => {
    const channel = mapChannel(Reader.of({
      channelId: '3Lg7Tq0yGfwd', name: 'zenith-lounge', description: 'Night shift', access: 'Public', icon: null,
      created: { iso: '2021-01-01T00:00:00.000Z', timestamp: 1609459200000 }, subscribers: 12, subscribed: true,
      archived: false, totalMessages: 40, lastMessageTime: { iso: '2024-05-10T08:00:00.000Z', timestamp: 1715328000000 },
    }), ORIGIN);
    expect(channel).toEqual({
      kind: 'channel', id: '3Lg7Tq0yGfwd', title: 'zenith-lounge', webUrl: `${ORIGIN}/im/group/3Lg7Tq0yGfwd`,
      name: 'zenith-lounge', description: 'Night shift', subscribers: 12, subscribed: true,
      lastMessageTime: 1715328000000, archived: false,
    });
  });

  it('a channel nobody wrote in has no last message; missing optional detail is unknown, not hidden', () => {
    const channel = mapChannel(Reader.of({ channelId: 'c', name: 'quiet', lastMessageTime: null }), ORIGIN);
    expect(channel).toMatchObject({ description: '', subscribers: null, subscribed: null, lastMessageTime: null, archived: false });
    expect(channel).not.toHaveProperty('hidden');
  });

  it('id and name are required unless withheld', () => {
    expect(() => mapChannel(Reader.of({ name: 'x' }), ORIGIN)).toThrow(ShapeError);
    expect(() => mapChannel(Reader.of({ channelId: 'c' }), ORIGIN)).toThrow(ShapeError);
    const noId = mapChannel(Reader.of({ name: 'x', $errors: [{ fields: ['channelId'] }] }), ORIGIN);
    expect(noId).toMatchObject({ id: 'x', title: 'x', webUrl: `${ORIGIN}/`, hidden: ['id'] });
  });
});

describe('blog article', () => {
  const joanna = { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' } };

  it('maps an ArticleRecord: author, date, preview, teams and locations; the link is /blog/{id}', () => {
    const article = mapArticle(Reader.of({
      id: 'a1', title: 'Two weeks in Kourou', created: { iso: '2024-05-01T09:00:00.000Z', timestamp: 1714554000000 },
      author: joanna, preview: 'Launch campaign diary', teams: [{ id: 't1', name: 'Mission Control' }], locations: null,
    }), ORIGIN);
    expect(article).toEqual({
      kind: 'article', id: 'a1', title: 'Two weeks in Kourou', webUrl: `${ORIGIN}/blog/a1`,
      author: { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: 'Joanna Smith' }, createdAt: 1714554000000,
      preview: 'Launch campaign diary', teams: [{ id: 't1', name: 'Mission Control' }], locations: [],
    });
  });

  it('an author a limited token may not read is an anonymous reference, and named hidden', () => {
    const article = mapArticle(Reader.of({
      id: 'a1', title: 'T', author: { id: 'p1', $errors: [{ className: 'HA_InlineError.InaccessibleFields', fields: ['username', 'name'] }] },
    }), ORIGIN);
    expect(article).toMatchObject({ author: { id: 'p1', username: null, name: null }, hidden: ['author'], preview: '', teams: [] });
  });

  it('reads a page of articles', () => {
    const page = parseBatch({ next: '1', totalCount: 1, data: [{ id: 'a1', title: 'T' }] }, (item) => mapArticle(item, ORIGIN));
    expect(page).toMatchObject({ items: [{ id: 'a1', author: null, createdAt: null }], next: null, totalCount: 1 });
  });
});

describe('code match', () => {
  const item = (lines: unknown, content: unknown, file: unknown = { path: 'src/Albedo.kt', commit: 'c0ffee' }) => ({
    key: 'k', project: { key: { key: 'NAV' } }, repository: 'nav-core', file, lines, content,
  });
  const snippet = { lines: [
    { text: 'package nav', index: 0, offset: 0 },
    { text: 'fun albedo() = 1', index: 1, offset: 12 },
    { text: '', index: 2, offset: 29 },
  ] };

  it('line ranges mark the matching lines; numbers are 1-based; the link opens the file at the first match', () => {
    const match = mapCodeMatch(Reader.of(item([{ start: 1, length: 1 }], snippet)), ORIGIN);
    expect(match).toEqual({
      kind: 'code', id: 'NAV/nav-core/src/Albedo.kt:2', title: 'src/Albedo.kt',
      webUrl: `${ORIGIN}/p/NAV/repositories/nav-core/files/c0ffee/src/Albedo.kt?tab=source&line=2&lines-count=1`,
      projectKey: 'NAV', repository: 'nav-core', path: 'src/Albedo.kt', commit: 'c0ffee', line: 2,
      lines: [
        { number: 1, text: 'package nav', match: false },
        { number: 2, text: 'fun albedo() = 1', match: true },
        { number: 3, text: '', match: false },
      ],
    });
  });

  it('character ranges, when no line index falls in a range, mark the lines they touch', () => {
    const match = mapCodeMatch(Reader.of(item([{ start: 16, length: 6 }], snippet)), ORIGIN);
    expect(match.lines.map((l) => l.match)).toEqual([false, true, false]);
    expect(match.line).toBe(2);
  });

  it('without a commit the link is the repository; without line numbers it has no line', () => {
    const match = mapCodeMatch(Reader.of(item([{ start: 0, length: 1 }], { lines: [{ text: 'x', offset: 0 }] }, { path: 'a.txt' })), ORIGIN);
    expect(match).toMatchObject({ commit: null, line: null, id: 'NAV/nav-core/a.txt', webUrl: `${ORIGIN}/p/NAV/repositories/nav-core` });
    expect(match.lines).toEqual([{ number: null, text: 'x', match: true }]);
  });

  it('text stays text, and long snippets are cut', () => {
    const long = { lines: Array.from({ length: 60 }, (_, i) => ({ text: i === 0 ? `<b>${'x'.repeat(1000)}` : `l${i}`, index: i, offset: i })) };
    const match = mapCodeMatch(Reader.of(item([{ start: 0, length: 1 }], long)), ORIGIN);
    expect(match.lines).toHaveLength(40);
    expect(match.lines[0]?.text.startsWith('<b>xxx')).toBe(true);
    expect(match.lines[0]?.text.length).toBe(401);
  });

  it('project, repository and path are required unless withheld', () => {
    expect(() => mapCodeMatch(Reader.of({ ...item([], snippet), repository: undefined }), ORIGIN)).toThrow(ShapeError);
    expect(() => mapCodeMatch(Reader.of({ ...item([], snippet), project: undefined }), ORIGIN)).toThrow(ShapeError);
    const withheld = mapCodeMatch(Reader.of({ ...item([], snippet), file: undefined, $errors: [{ fields: ['file'] }] }), ORIGIN);
    expect(withheld).toMatchObject({ path: '', commit: null, title: 'nav-core', webUrl: `${ORIGIN}/p/NAV/repositories/nav-core`, hidden: ['commit', 'id', 'path'] });
  });
});
