/**
 * The permission allowlist (security.md, issue 3) checked on what actually ships: both built manifests and
 * every built file; then the Chrome build loaded in Chromium with no manifest errors or warnings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Harness, DIST, DIST_FIREFOX } from './harness.ts';
import { useHarness } from './use-harness.ts';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: { matches?: string[]; ids?: string[] };
};

const ALLOWED_PERMISSIONS = new Set(['storage', 'contextMenus', 'alarms']);
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

    it('asks only for storage, contextMenus (and alarms); no static host access, no tabs', () => {
      for (const p of manifest.permissions ?? []) expect(ALLOWED_PERMISSIONS, `permission ${p}`).toContain(p);
      expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'contextMenus']));
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.host_permissions ?? []).toEqual([]);
      const all = JSON.stringify([manifest.permissions, manifest.optional_permissions]);
      expect(all).not.toMatch(/"(tabs|activeTab|<all_urls>|scripting|webRequest|cookies|history)"/);
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
