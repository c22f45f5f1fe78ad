/**
 * Store screenshots (written to test-results/shots/store/, published to docs/store/screenshot-*.png by
 * `npm run screenshots`): 1280×800 PNGs, the size the Chrome Web Store asks for (and
 * that Edge Add-ons and addons.mozilla.org accept), taken from the real extension against the demo server.
 *
 * The demo server is reached as https://space.northwind-orbital.example: Chromium's host resolver maps that
 * name to the demo server (HTTPS with the demo certificate), so the pages show a plausible Space address
 * instead of 127.0.0.1 and a random port. The popup is photographed at its real size and placed on a plain
 * 1280×800 backdrop with a caption; the options page is photographed in a 1280×800 window. Before each shot
 * the page must show what its caption promises, and each file must be a 1280×800 PNG.
 *
 * The last test compares what the run left in extension storage with PRIVACY.md: every key must be one the
 * policy documents, the token only under `token`, and storage.sync empty.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { profileUrl } from '../src/space/web-urls.ts';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';
import { ROOT, STORE_SHOT_DIR } from './paths.ts';
import { pngSize } from './png.ts';
import { useHarness } from './use-harness.ts';

const SIZE = { width: 1280, height: 800 } as const;
const SPACE_HOST = 'space.northwind-orbital.example';
const SPACE = `https://${SPACE_HOST}`;

/** A port nobody listens on right now, so the host-resolver rule can name it before the server starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();

function save(name: string, png: Buffer): string {
  mkdirSync(STORE_SHOT_DIR, { recursive: true });
  const file = join(STORE_SHOT_DIR, name);
  writeFileSync(file, png);
  return file;
}

function expectStoreSize(file: string): void {
  expect(pngSize(readFileSync(file)), file).toEqual(SIZE);
}

/**
 * The keys PRIVACY.md lists for one storage area: the backticked names in the first column of the table under
 * its "### `storage.<area>`" heading.
 */
function documentedKeys(area: 'local' | 'session'): Set<string> {
  const policy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
  const section = policy.split(/^### /m).find((s) => s.startsWith(`\`storage.${area}\``)) ?? '';
  const keys = new Set<string>();
  for (const row of section.matchAll(/^\|([^|\n]+)\|/gm)) {
    for (const name of (row[1] ?? '').matchAll(/`([^`]+)`/g)) keys.add(name[1] ?? '');
  }
  return keys;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * The popup, photographed at its real size, on a plain 1280×800 backdrop next to a caption. The backdrop is
 * a page of its own (about:blank with inline markup), so nothing is injected into the extension's pages.
 */
async function onBackdrop(h: Harness, popupPng: Buffer, caption: { title: string; text: string }, dark: boolean): Promise<Buffer> {
  const page = await h.context.newPage();
  try {
    await page.setViewportSize(SIZE);
    await page.setContent(`<!doctype html><html><head><style>
      html, body { margin: 0; width: ${SIZE.width}px; height: ${SIZE.height}px; overflow: hidden; }
      body {
        display: flex; align-items: center; justify-content: center; gap: 72px;
        font-family: system-ui, sans-serif;
        background: ${dark ? 'linear-gradient(160deg, #1d2230, #11141b)' : 'linear-gradient(160deg, #f4f6fa, #dde3ee)'};
        color: ${dark ? '#e8ebf2' : '#1b2130'};
      }
      .caption { width: 400px; }
      h1 { font-size: 40px; line-height: 1.15; margin: 0 0 20px; font-weight: 700; }
      p { font-size: 20px; line-height: 1.5; margin: 0; opacity: 0.8; }
      img { display: block; border-radius: 10px; box-shadow: 0 24px 60px rgba(0, 0, 0, ${dark ? 0.55 : 0.22}); }
    </style></head><body>
      <div class="caption"><h1></h1><p></p></div>
      <img alt="">
    </body></html>`);
    // Text goes in as text, the picture as a data: URL.
    await page.evaluate(({ title, text, src }) => {
      (document.querySelector('h1') as HTMLElement).textContent = title;
      (document.querySelector('p') as HTMLElement).textContent = text;
      const img = document.querySelector('img') as HTMLImageElement;
      img.src = src;
      return img.decode();
    }, { ...caption, src: `data:image/png;base64,${popupPng.toString('base64')}` });
    const shown = await page.evaluate(() => {
      const img = document.querySelector('img') as HTMLImageElement;
      const box = img.getBoundingClientRect();
      return { complete: img.complete, natural: [img.naturalWidth, img.naturalHeight], box: [box.left, box.top, box.right, box.bottom] };
    });
    // The whole popup is on the canvas, at 1:1.
    const popupSize = pngSize(popupPng);
    expect(shown.complete).toBe(true);
    expect(shown.natural).toEqual([popupSize.width, popupSize.height]);
    expect(shown.box[0]).toBeGreaterThanOrEqual(0);
    expect(shown.box[1]).toBeGreaterThanOrEqual(0);
    expect(shown.box[2]).toBeLessThanOrEqual(SIZE.width);
    expect(shown.box[3]).toBeLessThanOrEqual(SIZE.height);
    return await page.screenshot({ animations: 'disabled' });
  } finally {
    await page.close();
  }
}

/**
 * The popup's own box (the page is popup-sized; the box is what the toolbar popup shows). Its text must be in
 * Latin script: the demo organization has names in many scripts, and a machine without CJK fonts (CI) would
 * put empty boxes in a store picture. If the demo data changes, pick another query.
 */
async function photographPopup(popup: Page, dark: boolean): Promise<Buffer> {
  const text = await popup.locator('.popup').innerText();
  const foreign = text.split('\n').filter((line) => !/^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u.test(line));
  expect(foreign, 'lines this machine may not have a font for').toEqual([]);
  await popup.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await settle(popup);
  return popup.locator('.popup').screenshot({ animations: 'disabled' });
}

describe('store screenshots (docs/store/, 1280×800)', () => {
  let h: Harness;
  useHarness(
    {
      demo: { tls: true, port },
      browserArgs: ['--ignore-certificate-errors', `--host-resolver-rules=MAP ${SPACE_HOST} 127.0.0.1:${port}`],
    },
    (started) => { h = started; },
  );

  it('options page, connected to the Space address', async () => {
    const options = await h.connect(SPACE, h.demo.token);
    await options.setViewportSize(SIZE);
    await options.emulateMedia({ colorScheme: 'light' });
    const connected = options.getByTestId('connected-as');
    await expect.poll(() => connected.textContent()).toContain(SPACE_HOST);
    expect(await connected.textContent()).toContain(h.demo.dataset.demoUser.username);
    expect(await options.getByTestId('forget').isVisible()).toBe(true);
    await settle(options);
    const file = save('screenshot-4-options.png', await options.screenshot({ animations: 'disabled' }));
    expectStoreSize(file);
    await options.close();
  });

  it('a person: results and the card with local time', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    const url = profileUrl(SPACE, 'jonathan.whitaker');
    await moveTo(popup, url);
    const card = popup.getByTestId('card');
    await card.waitFor();
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    expect(await popup.locator(`[data-testid="result"][data-url="${url}"]`).isVisible()).toBe(true);
    expect(await card.textContent()).toContain('Jonathan Whitaker');
    expect(await card.getByTestId('local-time').isVisible()).toBe(true);

    const shot = await onBackdrop(h, await photographPopup(popup, false), {
      title: 'Anyone in your Space, one keystroke away',
      text: 'Type a name to see their local time, working hours, team, location and e\u2011mail address. Open or copy without touching the mouse.',
    }, false);
    expectStoreSize(save('screenshot-1-person.png', shot));
    await popup.close();
  });

  it('everything at once: projects, repositories, blog and code for one word, in dark mode', async () => {
    const popup = await h.openPopupPage();
    // A word whose results are all in Latin script: CI has no CJK fonts (see photographPopup).
    await typeQuery(popup, 'station');
    await waitForSearchDone(popup);
    const groups = await popup.locator('[data-testid^="group-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(groups).toEqual(expect.arrayContaining(['group-project', 'group-repository', 'group-article', 'group-code']));
    expect(await popup.locator('[data-testid="result"]').count()).toBeGreaterThanOrEqual(3);
    expect(await popup.getByTestId('search-failure').count()).toBe(0);

    const shot = await onBackdrop(h, await photographPopup(popup, true), {
      title: 'One search box for all of Space',
      text: 'People, teams, projects, issues, code reviews, chats, blog posts and code, grouped as they arrive. Keys like ABC-T-42 open directly.',
    }, true);
    expectStoreSize(save('screenshot-2-search.png', shot));
    await popup.close();
  });

  it('a key: the issue itself, in any project', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'ABC-T-42');
    await waitForSearchDone(popup);
    const rows = popup.locator('[data-testid="result"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-url')).toBe(issueUrl(SPACE, 'ABC', 42));
    const card = popup.getByTestId('card');
    await card.waitFor();
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    expect(await card.textContent()).toContain('ABC-T-42');

    const shot = await onBackdrop(h, await photographPopup(popup, false), {
      title: 'Keys open the item itself',
      text: 'Type or select ABC-T-42, ABC-MR-3 or ABC-CR-4: status, assignee and dates at once, in any project. Enter opens it in Space.',
    }, false);
    expectStoreSize(save('screenshot-3-issue.png', shot));
    await popup.close();
  });

  it('what the run left in storage is exactly what PRIVACY.md describes', async () => {
    const local = await h.storage('local');
    const session = await h.storage('session');
    const undocumented = (area: 'local' | 'session', items: Record<string, unknown>) => {
      const keys = documentedKeys(area);
      return Object.keys(items).filter((k) => !keys.has(k) && !(k.startsWith('cache:') && keys.has('cache:…')));
    };
    expect(undocumented('local', local), 'storage.local keys missing from PRIVACY.md').toEqual([]);
    expect(undocumented('session', session), 'storage.session keys missing from PRIVACY.md').toEqual([]);
    // The run did search, so the cache is there; and the token is where the policy says, nowhere else.
    expect(Object.keys(session).some((k) => k.startsWith('cache:'))).toBe(true);
    expect(local.token).toBe(h.demo.token);
    for (const [area, items] of [['local', local], ['session', session]] as const) {
      for (const [key, value] of Object.entries(items)) {
        if (key === 'token') continue;
        expect(JSON.stringify(value), `storage.${area}.${key}`).not.toContain(h.demo.token);
      }
    }
    expect(await h.storage('sync')).toEqual({});
  });
});
