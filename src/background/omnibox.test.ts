import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../shared/query.ts';
import type { Person } from '../space/types.ts';
import {
  MAX_SUGGESTIONS, escapeXml, handleOmniboxEnter, handleOmniboxInput, omniboxKinds, setDefaultSuggestion, toSuggestion,
  type Suggestion,
} from './omnibox.ts';
import { useConnectedRig, type Rig } from './test-support/harness.ts';

const person = (title: string, username = 'jo'): Person => ({
  kind: 'person', id: 'p1', title, webUrl: 'https://space.example.com/m/jo', username, firstName: 'J', lastName: 'O',
  avatarId: null, emails: [], phones: [], positions: [], teams: [], locations: [], timeZone: null,
});

describe('omnibox suggestions', () => {
  it('escapes every XML special character', () => {
    expect(escapeXml(`<match>&"'</match>`)).toBe('&lt;match&gt;&amp;&quot;&apos;&lt;/match&gt;');
  });

  it('never lets Space text add or close an XML element (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (title, username) => {
      const { description } = toSuggestion(person(title, username), true);
      // Exactly our one <dim> element; no other tags, no bare ampersands.
      expect(description.match(/<[^>]*>/g)).toEqual(['<dim>', '</dim>']);
      expect(description).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      expect(description).not.toMatch(/\p{Cc}/u);
    }), { numRuns: 1000 });
  });

  it('shows plain text where descriptions are not XML (Firefox)', () => {
    expect(toSuggestion(person('Ann & <Bob>'), false).description).toBe('Ann & <Bob> — @jo');
  });

  it('uses the entity URL as the content', () => {
    expect(toSuggestion(person('Jo'), true).content).toBe('https://space.example.com/m/jo');
  });
});

describe('omnibox over the demo server', () => {
  const connected = useConnectedRig();
  let rig: Rig;
  beforeEach(() => { rig = connected.current; });

  it('suggests people and projects, at most six, and serves a repeat from the cache', async () => {
    const calls: Suggestion[][] = [];
    await handleOmniboxInput(rig.deps, 'jo', (s) => calls.push(s));
    const last = calls.at(-1) ?? [];
    expect(last.length).toBeGreaterThan(0);
    expect(last.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    expect(last.every((s) => s.content.startsWith(`${rig.server.url}/`))).toBe(true);
    expect(last[0]?.description).toMatch(/<dim>@[a-z.]+<\/dim>$/);

    rig.server.clearRequests();
    const again: Suggestion[][] = [];
    await handleOmniboxInput(rig.deps, 'jo', (s) => again.push(s));
    expect(again).toEqual([last]);
    expect(rig.server.requests).toEqual([]);
  });

  it('resolves an issue key', async () => {
    const calls: Suggestion[][] = [];
    await handleOmniboxInput(rig.deps, 'ABC-T-131', (s) => calls.push(s));
    expect(calls.at(-1)).toEqual([{ content: `${rig.server.url}/p/ABC/issues/131`, description: expect.stringContaining('ABC-T-131') }]);
  });

  it('a newer input silences the older one', async () => {
    rig.server.setFault('/team-directory/profiles', { latencyMs: 300 });
    const older: Suggestion[][] = [];
    const first = handleOmniboxInput(rig.deps, 'jonathan', (s) => older.push(s));
    await handleOmniboxInput(rig.deps, '', () => undefined);
    await first;
    expect(older).toEqual([]);
  });

  it('Enter opens a suggestion only on the configured origin; anything else becomes a search', async () => {
    await handleOmniboxEnter(rig.deps, `${rig.server.url}/m/alex.demo`, 'currentTab');
    await handleOmniboxEnter(rig.deps, 'https://evil.example/m/alex.demo', 'newBackgroundTab');
    await handleOmniboxEnter(rig.deps, 'javascript:alert(1)', 'newForegroundTab');
    const popup = rig.fake.platform.runtime.getURL('src/popup/index.html');
    expect(rig.fake.record.tabsUpdated).toEqual([{ url: `${rig.server.url}/m/alex.demo` }]);
    expect(rig.fake.record.tabsCreated).toEqual([
      { url: `${popup}?q=${encodeURIComponent('https://evil.example/m/alex.demo')}`, active: false },
      { url: `${popup}?q=${encodeURIComponent('javascript:alert(1)')}`, active: true },
    ]);
  });

  it('offers a default suggestion with the typed text marked', () => {
    setDefaultSuggestion(rig.fake.platform);
    expect(rig.fake.record.defaultSuggestion).toEqual({ description: 'Search Space for <match>%s</match>' });
  });
});

describe('omniboxKinds', () => {
  it.each([
    ['', []],
    ['@', []],
    ['@jo', ['person']],
    ['jo', ['person', 'project']],
    ['ABC-T-12', ['issue']],
    ['abc-mr-3', ['review']],
    ['ORBIT', ['person', 'project']],
  ])('%j → %j', (text, kinds) => {
    expect(omniboxKinds(parseQuery(text))).toEqual(kinds);
  });
});

describe('the address-bar keyword (manifest.json omnibox.keyword)', () => {
  const root = new URL('../../', import.meta.url);
  const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
  const keyword = (JSON.parse(read('manifest.json')) as { omnibox?: { keyword?: string } }).omnibox?.keyword ?? '';

  it('is `spc`, not an everyday word: "space station" typed in the address bar must stay a web search', () => {
    expect(keyword).toBe('spc');
  });

  it('is accepted by both browsers and collides with no built-in shortcut', () => {
    // Firefox's manifest schema: /^[^?\s:][^\s:]*$/ (no blank, no colon, no leading "?"); Chrome: non-empty.
    // A leading "@" is where Chrome and Firefox put their own search shortcuts (@bookmarks, @tabs, @history).
    expect(keyword).toMatch(/^[^?\s:@][^\s:]*$/);
    expect(keyword).toMatch(/^[a-z]{2,4}$/);
  });

  it('is the one the README and the note for translators name', () => {
    expect(read('README.md')).toMatch(new RegExp(`In the address bar, type\\s+\`${keyword}\` and a space`));
    const messages = JSON.parse(read('public/_locales/en/messages.json')) as Record<string, { description?: string }>;
    expect(messages.bg_omniboxDefault?.description).toContain(`'${keyword}' keyword`);
  });
});
