/**
 * The permission allowlist (security.md, issue 3) checked on what actually ships: both built manifests and
 * every built file; then the Chrome build loaded in Chromium with no manifest errors or warnings, and
 * unreachable from another extension (issue 9). Last, the store texts (docs/store/listing.md) and the
 * privacy policy (PRIVACY.md) against the built manifests.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findTestBrowser, QUIET_FLAGS } from '../scripts/lib/browser.mjs';
import type { Harness } from './harness.ts';
import { DIST, DIST_FIREFOX, ROOT } from './paths.ts';
import { useHarness } from './use-harness.ts';

type Manifest = Record<string, unknown> & {
  storage?: { managed_schema?: string };
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: { matches?: string[]; ids?: string[] };
  omnibox?: { keyword?: string };
  description?: string;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } } };
};

const ALLOWED_PERMISSIONS = new Set(['storage', 'contextMenus', 'alarms']);
/**
 * "Sign in with Space" (issue 8): Chrome takes `identity` as an optional permission, requested in the click that
 * picks sign-in; Firefox does not accept it as optional, so its build declares it (README, permission table).
 */
const IDENTITY = { Chrome: { permissions: [], optional: ['identity'] }, Firefox: { permissions: ['identity'], optional: [] } } as const;
const ALLOWED_OPTIONAL_HOSTS = new Set(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `script-src 'self'; object-src 'none'` → Map { 'script-src' => ["'self'"], ... } */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

for (const [label, dir] of [['Chrome', DIST], ['Firefox', DIST_FIREFOX]] as const) {
  describe(`${label} build (${relative(process.cwd(), dir)}/)`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const js = files(dir).filter((f) => f.endsWith('.js'));
    const html = files(dir).filter((f) => f.endsWith('.html'));

    it('has no content scripts, web-accessible resources or external messaging from pages', () => {
      expect(manifest.manifest_version).toBe(3);
      expect(manifest).not.toHaveProperty('content_scripts');
      expect(manifest).not.toHaveProperty('web_accessible_resources');
      expect(manifest.externally_connectable?.matches ?? []).toEqual([]);
    });

    it('lets no other extension and no web page message it (Chrome); leaves the key out where unsupported (Firefox)', () => {
      // Firefox does not implement externally_connectable and warns about unknown keys (vite.config.ts).
      if (label === 'Chrome') expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
      else expect(manifest).not.toHaveProperty('externally_connectable');
    });

    it('answers to the `spc` keyword in the address bar, not to an everyday word', () => {
      expect(manifest.omnibox).toEqual({ keyword: 'spc' });
    });

    it('asks only for storage, contextMenus (and alarms), identity where it cannot be optional; no static host access, no tabs', () => {
      const identity = IDENTITY[label];
      for (const p of manifest.permissions ?? []) {
        expect([...ALLOWED_PERMISSIONS, ...identity.permissions], `permission ${p}`).toContain(p);
      }
      expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus', ...identity.permissions]));
      expect(manifest.optional_permissions ?? []).toEqual(identity.optional);
      expect(manifest.host_permissions ?? []).toEqual([]);
      const all = JSON.stringify([manifest.permissions, manifest.optional_permissions]);
      expect(all).not.toMatch(/"(tabs|activeTab|<all_urls>|scripting|webRequest|cookies|history)"/);
    });

    it('managed settings: a schema in Chrome (storage.managed_schema); Firefox reads policies.json and has no such key', () => {
      if (label === 'Chrome') {
        expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
        const schema = JSON.parse(readFileSync(join(dir, 'managed_schema.json'), 'utf8')) as { properties: Record<string, { type: string }> };
        expect(Object.keys(schema.properties)).toEqual(['spaceUrl', 'signInMethods', 'oauthClientId', 'forceSessionOnly', 'localDirectory']);
      } else {
        expect(manifest).not.toHaveProperty('storage');
      }
    });

    it('optional host permissions are https and loopback http only', () => {
      const optional = manifest.optional_host_permissions ?? [];
      expect(optional).toContain('https://*/*');
      for (const pattern of optional) expect(ALLOWED_OPTIONAL_HOSTS, `optional host ${pattern}`).toContain(pattern);
    });

    it('has a strict content security policy', () => {
      const policy = manifest.content_security_policy?.extension_pages;
      expect(policy, 'content_security_policy.extension_pages').toBeTypeOf('string');
      const csp = parseCsp(policy as string);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|unsafe-hashes|\*/);
      for (const directive of ['script-src', 'object-src', 'style-src', 'default-src', 'img-src']) {
        for (const source of csp.get(directive) ?? []) {
          expect(source, `${directive} ${source}`).not.toMatch(/^(https?:)?\/\/|^https?:$|^[\w.-]+\.[a-z]{2,}/i);
        }
      }
    });

    it('built JavaScript has no eval, no Function constructor and no HTML sinks outside Preact', () => {
      expect(js.length).toBeGreaterThan(0);
      const preactChunks: string[] = [];
      for (const file of js) {
        const code = readFileSync(file, 'utf8');
        const name = relative(dir, file);
        expect(code, name).not.toMatch(/(?<![\w$.])eval\s*\(/);
        expect(code, name).not.toMatch(/new\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]/);
        expect(code, name).not.toMatch(/outerHTML|insertAdjacentHTML|document\.write\s*\(|srcdoc/);
        // A JSX `dangerouslySetInnerHTML={…}` compiles to an object key; our code must never have one.
        expect(code, name).not.toMatch(/dangerouslySetInnerHTML["'`]?\s*:/);
        const sinks = [...code.matchAll(/innerHTML/g)];
        if (sinks.length === 0) continue;
        // Preact's diff applies `dangerouslySetInnerHTML.__html`; that is the only innerHTML allowed.
        expect(code, `${name} uses innerHTML but is not the Preact runtime`).toMatch(/==\s*`dangerouslySetInnerHTML`|==\s*["']dangerouslySetInnerHTML["']/);
        for (const m of sinks) {
          const around = code.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40);
          expect(around, `${name}: innerHTML outside Preact's __html handling`).toContain('__html');
        }
        preactChunks.push(name);
      }
      expect(preactChunks.length).toBeLessThanOrEqual(1);
    });

    it('HTML pages load only local module scripts, no inline script', () => {
      expect(html.length).toBeGreaterThanOrEqual(2);
      for (const file of html) {
        const page = readFileSync(file, 'utf8');
        for (const tag of page.match(/<script\b[^>]*>/gi) ?? []) {
          expect(tag, relative(dir, file)).toMatch(/\bsrc=["']\/[^"':]+["']/);
        }
        expect(page, relative(dir, file)).not.toMatch(/<script\b[^>]*>\s*\S[^<]*<\/script>/i);
        expect(page, relative(dir, file)).not.toMatch(/\b(src|href)=["'](https?:)?\/\//i);
      }
    });
  });
}

describe('Firefox-specific keys', () => {
  it('has a gecko id and a background script, no service_worker key', () => {
    const m = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(m.background?.scripts?.length).toBe(1);
    expect(m.background).not.toHaveProperty('service_worker');
  });
});

describe('the Chrome build loads in Chromium', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('with no manifest errors, install warnings, runtime errors or CSP complaints', async () => {
    // Load both pages so a policy Chromium cannot parse would be reported on their consoles.
    const options = await h.openOptions();
    const popup = await h.openPopupPage();
    const page = await h.context.newPage();
    await page.goto(`chrome://extensions/?id=${h.extensionId}`);
    const info = await page.evaluate(
      (id) => (chrome as unknown as { developerPrivate: { getExtensionInfo(id: string): Promise<Record<string, unknown>> } })
        .developerPrivate.getExtensionInfo(id),
      h.extensionId,
    );
    expect(info.manifestErrors).toEqual([]);
    expect(info.installWarnings).toEqual([]);
    expect(info.runtimeErrors).toEqual([]);
    expect(info.state).toBe('ENABLED');
    const logs = await h.console.settle();
    const complaints = logs.filter((e) => /Content Security Policy|manifest|Unchecked runtime\.lastError/i.test(e.text));
    expect(complaints).toEqual([]);
    await Promise.all([options.close(), popup.close(), page.close()]);
  });
});

describe('another extension cannot reach the worker, whatever listener it adds (externally_connectable)', () => {
  it('a message and a connection from another installed extension both fail; the listeners never run', async () => {
    const executablePath = findTestBrowser();
    if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH');
    const other = mkdtempSync(join(tmpdir(), 'space-lookup-other-ext-'));
    const profile = mkdtempSync(join(tmpdir(), 'space-lookup-e2e-'));
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Another extension', version: '1.0' }));
    writeFileSync(join(other, 'probe.html'), '<!doctype html><title>probe</title>');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...QUIET_FLAGS, `--disable-extensions-except=${DIST},${other}`, `--load-extension=${DIST},${other}`],
    });
    try {
      // Ours is the one with a service worker; the other has only a page.
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
        ?? await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
      const ourId = new URL(worker.url()).host;
      // A fresh install opens the options page by itself, possibly in whichever tab is active: let it open
      // first, so it cannot take over the page used below.
      const optionsPage = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { options_ui: { page: string } }).options_ui.page;
      const optionsUrl = `chrome-extension://${ourId}/${optionsPage}`;
      for (let waited = 0; waited < 5_000 && !context.pages().some((p) => p.url() === optionsUrl); waited += 25) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const page = await context.newPage();
      await page.goto('chrome://extensions/');
      const installed = await page.evaluate(
        () => (chrome as unknown as { developerPrivate: { getExtensionsInfo(): Promise<{ id: string; name: string }[]> } })
          .developerPrivate.getExtensionsInfo(),
      );
      const otherId = installed.find((e) => e.name === 'Another extension')?.id;
      expect(otherId, 'the other extension is installed').toBeTruthy();

      // The listeners a later version might add. Each answers, so a delivered message or port is seen at once.
      await worker.evaluate(() => {
        const heard: string[] = [];
        (globalThis as unknown as { heardExternal: string[] }).heardExternal = heard;
        chrome.runtime.onMessageExternal.addListener((_message, sender, reply) => {
          heard.push(`message from ${sender.id}`);
          reply('answer');
        });
        chrome.runtime.onConnectExternal.addListener((port) => {
          heard.push(`connection from ${port.sender?.id}`);
          port.postMessage('answer');
        });
      });

      await page.goto(`chrome-extension://${otherId}/probe.html`);
      const outcome = await page.evaluate(async (target) => {
        const message = await chrome.runtime.sendMessage(target, 'hello').then(
          (answer: unknown) => `answered ${JSON.stringify(answer)}`,
          (e: Error) => `refused: ${e.message}`,
        );
        const connection = await new Promise<string>((resolve) => {
          const port = chrome.runtime.connect(target);
          port.onMessage.addListener((answer) => resolve(`answered ${JSON.stringify(answer)}`));
          port.onDisconnect.addListener(() => resolve(`refused: ${chrome.runtime.lastError?.message ?? ''}`));
        });
        return { message, connection };
      }, ourId);
      expect(outcome.message).toMatch(/^refused: /);
      expect(outcome.connection).toMatch(/^refused: /);
      expect(await worker.evaluate(() => (globalThis as unknown as { heardExternal: string[] }).heardExternal)).toEqual([]);
    } finally {
      await context.close();
      rmSync(other, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('store listing and privacy policy match what ships', () => {
  const chromeManifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Manifest;
  const firefoxManifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as Manifest;
  const listing = readFileSync(join(ROOT, 'docs', 'store', 'listing.md'), 'utf8');
  const policy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
  /** The part of a Markdown file from `heading` to the next heading of the same or a higher level. */
  const section = (text: string, heading: string) => {
    const at = text.indexOf(`\n${heading}\n`);
    expect(at, `heading ${JSON.stringify(heading)}`).toBeGreaterThanOrEqual(0);
    const level = /^#+/.exec(heading)?.[0] ?? '#';
    const rest = text.slice(at + heading.length + 2);
    const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
    return end < 0 ? rest : rest.slice(0, end);
  };
  /** Rows of the Markdown tables in `text`: cells, trimmed. */
  const rows = (text: string) => text.split('\n').filter((l) => /^\|.*\|$/.test(l) && !/^\|[-| ]+\|$/.test(l))
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));

  it('the short description is the manifest description, within the Chrome Web Store limit of 132 characters', () => {
    const messages = JSON.parse(readFileSync(join(DIST, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const key = /^__MSG_(\w+)__$/.exec(chromeManifest.description ?? '')?.[1];
    const description = key ? messages[key]?.message : chromeManifest.description;
    expect(description).toBeTypeOf('string');
    expect([...(description ?? '')].length).toBeLessThanOrEqual(132);
    const shortDescription = /```text\n(.*)\n```/.exec(section(listing, '## Short description (manifest `description`, at most 132 characters)'))?.[1];
    expect(shortDescription).toBe(description);
  });

  it('every permission and host permission the Chrome package asks for is justified', () => {
    const justified = section(listing, '## Permission justifications');
    const asked = [...(chromeManifest.permissions ?? []), ...(chromeManifest.optional_permissions ?? [])];
    for (const p of asked) expect(justified, `permission ${p}`).toContain(`### \`${p}\``);
    for (const p of [...(chromeManifest.host_permissions ?? []), ...(chromeManifest.optional_host_permissions ?? [])]) {
      expect(justified, `host permission ${p}`).toMatch(new RegExp(`^### Host permissions: .*\`${p.replace(/[.*[\]\\/]/g, '\\$&')}\``, 'm'));
    }
  });

  it("Firefox's data_collection_permissions are the categories PRIVACY.md declares, and the AMO answers name them", () => {
    const declared = firefoxManifest.browser_specific_settings?.gecko?.data_collection_permissions;
    const table = rows(section(policy, '### Firefox (`browser_specific_settings.gecko.data_collection_permissions`)')).slice(1);
    const category = (cell: string) => /`(\w+)`/.exec(cell)?.[1] ?? cell;
    // The table covers every category Firefox knows (schema of firefox-esr 153), so none is left unexplained.
    expect(table.map(([name]) => category(name ?? '')).sort()).toEqual([
      'authenticationInfo', 'bookmarksInfo', 'browsingActivity', 'financialAndPaymentInfo', 'healthInfo', 'locationInfo',
      'personalCommunications', 'personallyIdentifyingInfo', 'searchTerms', 'technicalAndInteraction', 'websiteActivity',
      'websiteContent',
    ]);
    const required = table.filter(([, state]) => state === '**required**').map(([name]) => category(name ?? ''));
    expect(declared?.required).toEqual(required);
    expect(declared?.optional ?? []).toEqual([]);
    const amo = section(listing, '## addons.mozilla.org');
    const amoRequired = /Required: ((?:`\w+`(?:,\s*)?)+)\./.exec(amo)?.[1] ?? '';
    expect([...amoRequired.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual(required);
  });

  it("the Chrome Web Store data-usage answers are the categories PRIVACY.md names", () => {
    const answers = rows(section(listing, '## Data usage (Chrome "Privacy practices"; Edge asks the same)')).slice(1);
    const handled = answers.filter(([, state]) => state === '**yes**').map(([name]) => (name ?? '').toLowerCase());
    const chromeSection = section(policy, '### Chrome Web Store and Edge Add-ons');
    const named = [...chromeSection.matchAll(/\*\*([a-z ]+)\*\*/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(handled.sort());
    expect(handled.sort()).toEqual(['authentication information', 'personally identifiable information', 'website content']);
  });
});
