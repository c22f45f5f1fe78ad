/**
 * Issue 4 "Omnibox": the address-bar keyword (`spc` since issue 9). Chromium cannot type into its own address
 * bar from a test, so the real registered listeners are run with the native events' `dispatch` (as the
 * context-menu suite does), with a recording `suggest` callback.
 */
import { describe, expect, it } from 'vitest';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { profileUrl } from '../src/space/web-urls.ts';
import type { Harness } from './harness.ts';
import { useHarness } from './use-harness.ts';

interface Suggestion { content: string; description: string }

/** Runs the real onInputChanged listeners and returns every list they suggested, in order. */
async function typeInOmnibox(h: Harness, text: string): Promise<Suggestion[][]> {
  return h.sw(async (t) => {
    const lists: Suggestion[][] = [];
    (chrome.omnibox.onInputChanged as unknown as { dispatch(text: string, suggest: (s: Suggestion[]) => void): void })
      .dispatch(t, (s) => { lists.push(s); });
    // Suggestions arrive as each kind answers; wait until the lists stop changing.
    let seen = -1;
    for (let i = 0; i < 40 && (lists.length === 0 || lists.length !== seen); i += 1) {
      seen = lists.length;
      await new Promise((r) => setTimeout(r, 150));
    }
    return lists;
  }, text);
}

function pressEnterInOmnibox(h: Harness, text: string): Promise<void> {
  return h.sw((t) => {
    (chrome.omnibox.onInputEntered as unknown as { dispatch(text: string, disposition: string): void })
      .dispatch(t, 'newForegroundTab');
  }, text);
}

describe('omnibox: the `spc` keyword', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('suggests live results for typed text, each pointing at its Space page, descriptions XML-escaped', async () => {
    const lists = await typeInOmnibox(h, 'jonathan');
    const last = lists.at(-1) ?? [];
    expect(last.length).toBeGreaterThan(0);
    expect(last.length).toBeLessThanOrEqual(6);
    expect(last.map((s) => s.content)).toContain(profileUrl(h.origin, 'jonathan.whitaker'));
    for (const s of last) {
      expect(s.content.startsWith(`${h.origin}/`)).toBe(true);
      // Only our own markup may appear: the <dim> wrapper.
      expect(s.description.replace(/<\/?dim>/g, '')).not.toMatch(/[<>]/);
    }
  });

  it('a repeat of the same text is served from the cache: no request to Space', async () => {
    await typeInOmnibox(h, 'whitaker');
    h.demo.clearRequests();
    const lists = await typeInOmnibox(h, 'whitaker');
    expect(lists.at(-1)?.length).toBeGreaterThan(0);
    expect(h.demo.requests.filter((r) => r.path.startsWith('/api/http/'))).toEqual([]);
  });

  it('Enter on a chosen suggestion opens that entity', async () => {
    const url = profileUrl(h.origin, 'jonathan.whitaker');
    const tab = await h.nextPage(() => pressEnterInOmnibox(h, url));
    expect(tab.url()).toBe(url);
    await tab.close();
  });

  it('Enter on an issue key opens the issue', async () => {
    const lists = await typeInOmnibox(h, 'ABC-T-42');
    const target = issueUrl(h.origin, 'ABC', 42);
    expect(lists.at(-1)?.map((s) => s.content)).toEqual([target]);
    const tab = await h.nextPage(() => pressEnterInOmnibox(h, target));
    expect(tab.url()).toBe(target);
    await tab.close();
  });

  it('Enter on plain text opens the search in the popup page; a foreign URL is never opened', async () => {
    const search = await h.nextPage(() => pressEnterInOmnibox(h, 'jonathan'));
    expect(search.url()).toBe(`${h.extUrl(h.popupPath)}?q=jonathan`);
    await search.close();
    const foreign = await h.nextPage(() => pressEnterInOmnibox(h, 'https://evil.example/m/x'));
    expect(foreign.url().startsWith(h.extUrl(h.popupPath))).toBe(true);
    await foreign.close();
  });
});
