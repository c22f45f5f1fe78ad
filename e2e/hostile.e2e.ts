/**
 * Issue 4: strings from a hostile Space server (markup, `javascript:` values, bidi and zero-width characters,
 * 5 kB titles) are rendered as inert, truncated text: no element, attribute, handler or link comes from data.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../scripts/demo-space/data-hostile.ts';
import { Harness, typeQuery, waitForSearchDone } from './harness.ts';

/** Longest single text the UI may show (src/shared/ui/text.ts MAX_TEXT, plus the ellipsis). */
const MAX_SHOWN = 320;

interface DomFindings {
  problems: string[];
  text: string;
  longestText: number;
}

/** Inspects the popup's DOM for anything that data could have turned into markup or behaviour. */
function inspect(page: Page, origin: string): Promise<DomFindings> {
  return page.evaluate((spaceOrigin) => {
    const problems: string[] = [];
    const body = document.body;
    for (const el of body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'b', 'frame', 'base', 'form', 'style', 'link', 'meta'].includes(tag)) {
        problems.push(`<${tag}> in body`);
      }
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${tag}[${attr.name}]`);
        const urlBearing = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'style'];
        if (urlBearing.includes(attr.name.toLowerCase()) && /javascript:|vbscript:|data:text/i.test(attr.value)) problems.push(`${tag}[${attr.name}=${attr.value.slice(0, 60)}]`);
        if (attr.name === 'style' && /url\(/i.test(attr.value) && !/url\(["']?data:image\//i.test(attr.value)) problems.push(`${tag} style ${attr.value.slice(0, 60)}`);
      }
      if (tag === 'img' && !(el.getAttribute('src') ?? '').startsWith('data:image/')) problems.push(`img src=${el.getAttribute('src')}`);
      if (tag === 'a' && el.hasAttribute('href')) {
        const href = (el as HTMLAnchorElement).href;
        if (!href.startsWith(`${spaceOrigin}/`) && !href.startsWith('chrome-extension://')) problems.push(`a href=${href.slice(0, 80)}`);
      }
    }
    let longestText = 0;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const value = n.nodeValue ?? '';
      longestText = Math.max(longestText, Array.from(value).length);
      // eslint-disable-next-line no-control-regex
      if (/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF\u0000-\u0008]/.test(value)) problems.push(`invisible/bidi char in "${value.slice(0, 40)}"`);
    }
    if ((window as unknown as { __xss?: number }).__xss) problems.push('a hostile payload ran');
    return { problems, text: body.innerText, longestText };
  }, origin);
}

describe('hostile strings from the server are inert text', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ demo: { hostile: true } });
    // Every payload calls alert(); make any call observable instead of blocking.
    await h.context.addInitScript(() => {
      window.alert = () => {
        const w = window as unknown as { __xss?: number };
        w.__xss = (w.__xss ?? 0) + 1;
      };
    });
    await (await h.connect(h.origin, h.demo.token)).close();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Searches, then walks every result with ↓ so each card renders too; inspects after each step. */
  async function searchAndWalk(popup: Page, query: string): Promise<string> {
    await typeQuery(popup, query);
    await waitForSearchDone(popup, 30_000);
    const seen: string[] = [];
    const count = await popup.locator('[data-testid="result"]').count();
    expect(count, `results for ${query}`).toBeGreaterThan(0);
    for (let i = 0; i <= count; i++) {
      const found = await inspect(popup, h.origin);
      expect(found.problems, `after "${query}", step ${i}`).toEqual([]);
      expect(found.longestText, `longest text after "${query}"`).toBeLessThanOrEqual(MAX_SHOWN);
      seen.push(found.text);
      if (i < count) {
        await popup.keyboard.press('ArrowDown');
        await popup.getByTestId('card').waitFor();
        await popup.waitForTimeout(150); // details and avatar arrive
      }
    }
    return seen.join('\n');
  }

  it('people, teams, locations, projects, issues and reviews with markup render as text', async () => {
    const popup = await h.openPopupPage();
    let text = '';
    for (const query of ['hostile', 'svg', 'iframe', 'XSS', 'XSS-T-1', 'XSS-T-2', 'XSS-T-6', 'XSS-T-4', 'XSS-MR-1']) {
      text += await searchAndWalk(popup, query);
    }
    // The markup is visible as the literal text it is.
    expect(text).toContain(HOSTILE_STRINGS.imgTag);
    expect(text).toContain('<svg/onload=alert(\'project\')>');
    expect(text).toContain(HOSTILE_STRINGS.svgBreakout.trim());
    // The 5 kB title was cut and marked as cut.
    expect(text).toMatch(/Very long title that keeps going[^\n]*…/);
    // Bidi override removed, the words kept.
    expect(text).toContain('gpj.exe');
    expect(await popup.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
    await popup.close();
  });

  it('links from hostile data still point into the configured Space only', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'javascript');
    await waitForSearchDone(popup, 30_000);
    const urls = await popup.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url') ?? ''));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${h.origin}/`), url).toBe(true);
    // The user whose name is "javascript:alert(1)" gets an encoded profile path, not a script URL.
    expect(urls).toContain(`${h.origin}/m/javascript%3Aalert(1)`);
    await popup.close();
  });
});
