import { describe, expect, it } from 'vitest';
import { PENDING_QUERY_MAX_AGE_MS } from '../shared/protocol.ts';
import { choosePrefill, freshPendingQuery, RESTORE_MS } from './prefill.ts';

const NOW = 1_700_000_000_000;
const last = { connection: 'c', query: 'jonathan', filter: 'person', groups: { person: [] }, at: NOW - 1000 };

describe('choosePrefill', () => {
  it('paints the last view when nothing else asks for a query', () => {
    const p = choosePrefill('', { lastView: last }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(p).toMatchObject({ query: 'jonathan', filter: 'person', consumedPending: false });
    expect(p.view).not.toBeNull();
  });

  it('prefers ?q= (context-menu fallback tab) and drops the unrelated last view', () => {
    const p = choosePrefill('?q=ABC-T-42', { lastView: last }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(p).toMatchObject({ query: 'ABC-T-42', filter: 'all', view: null });
  });

  it('keeps the last view when ?q= asks for the same query', () => {
    const p = choosePrefill('?q=jonathan', { lastView: last }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(p.view).not.toBeNull();
    expect(p.filter).toBe('person');
  });

  it('uses a fresh context-menu hand-over and marks it consumed', () => {
    const p = choosePrefill('', { lastView: last, pendingQuery: { query: 'Anna', at: NOW - 2000 } }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(p).toMatchObject({ query: 'Anna', consumedPending: true, view: null });
  });

  it('ignores a stale or malformed hand-over (but still removes it)', () => {
    const stale = choosePrefill('', { lastView: last, pendingQuery: { query: 'Anna', at: NOW - PENDING_QUERY_MAX_AGE_MS - 1 } }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(stale).toMatchObject({ query: 'jonathan', consumedPending: true });
    const bad = choosePrefill('', { pendingQuery: 'Anna' }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(bad).toMatchObject({ query: '', consumedPending: true });
  });

  it('cleans untrusted text from the URL: one line, no bidi tricks, capped', () => {
    const p = choosePrefill(`?q=${encodeURIComponent('a\u202Eb\nc' + 'x'.repeat(500))}`, {}, 'pendingQuery', 'lastView', NOW, 'c');
    expect(p.query.startsWith('ab c')).toBe(true);
    expect(p.query.length).toBeLessThanOrEqual(200);
  });

  it('ignores a last view of another connection (forgotten or replaced), of none, or in a private window', () => {
    expect(choosePrefill('', { lastView: last }, 'pendingQuery', 'lastView', NOW, 'another-connection')).toMatchObject({ query: '', view: null });
    expect(choosePrefill('', { lastView: { ...last, connection: undefined } }, 'pendingQuery', 'lastView', NOW, 'c').view).toBeNull();
    // No stored connection, or a private window (main.tsx passes null for both): nothing from before is shown.
    expect(choosePrefill('', { lastView: last }, 'pendingQuery', 'lastView', NOW, null)).toMatchObject({ query: '', view: null });
    expect(choosePrefill('?q=jonathan', { lastView: last }, 'pendingQuery', 'lastView', NOW, null)).toMatchObject({ query: 'jonathan', view: null, filter: 'all' });
  });

  it('restores the last view only while it is younger than RESTORE_MS; after that the popup opens on the empty box', () => {
    const at = (age: number) => choosePrefill('', { lastView: { ...last, at: NOW - age } }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(RESTORE_MS).toBe(90_000);
    expect(at(RESTORE_MS - 1)).toMatchObject({ query: 'jonathan', filter: 'person' });
    expect(at(RESTORE_MS)).toMatchObject({ query: '', filter: 'all', view: null });
    expect(at(60 * 60_000)).toMatchObject({ query: '', view: null });
    // From the future (clock changed): not trusted.
    expect(at(-5000)).toMatchObject({ query: '', view: null });
    // Asked for by ?q= or the menu: the same query's results still paint, however old (they are refreshed at once).
    const asked = choosePrefill('?q=jonathan', { lastView: { ...last, at: NOW - 60 * 60_000 } }, 'pendingQuery', 'lastView', NOW, 'c');
    expect(asked).toMatchObject({ query: 'jonathan', filter: 'person' });
    expect(asked.view).not.toBeNull();
  });

  it('in a tab (not the toolbar popup) the context menu\'s hand-over is neither used nor consumed: it is meant for the popup', () => {
    const stored = { lastView: last, pendingQuery: { query: 'Anna', at: NOW - 100 } };
    expect(choosePrefill('', stored, 'pendingQuery', 'lastView', NOW, 'c', true)).toMatchObject({ query: 'jonathan', consumedPending: false });
    expect(choosePrefill('?q=Anna', stored, 'pendingQuery', 'lastView', NOW, 'c', true)).toMatchObject({ query: 'Anna', consumedPending: false });
    expect(choosePrefill('', stored, 'pendingQuery', 'lastView', NOW, 'c', false)).toMatchObject({ query: 'Anna', consumedPending: true });
  });

  it('rejects a last view of the wrong shape and an unknown filter', () => {
    expect(choosePrefill('', { lastView: { query: 42 } }, 'pendingQuery', 'lastView', NOW, 'c').view).toBeNull();
    expect(choosePrefill('', { lastView: { ...last, filter: 'spaceship' } }, 'pendingQuery', 'lastView', NOW, 'c').filter).toBe('all');
  });
});

describe('freshPendingQuery', () => {
  it('accepts only a recent, well-formed, non-empty query', () => {
    expect(freshPendingQuery({ query: ' Anna ', at: NOW }, NOW)).toBe('Anna');
    expect(freshPendingQuery({ query: '   ', at: NOW }, NOW)).toBeNull();
    expect(freshPendingQuery({ query: 'Anna', at: NOW + 5000 }, NOW)).toBeNull(); // from the future: clock games
    expect(freshPendingQuery({ query: 'Anna' }, NOW)).toBeNull();
    expect(freshPendingQuery(null, NOW)).toBeNull();
  });
});
