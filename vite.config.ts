import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export type BuildTarget = 'chrome' | 'firefox';

const target: BuildTarget = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Gecko id; also used by the Firefox smoke checks. */
export const GECKO_ID = 'space-lookup@space-lookup.invalid';

/**
 * package.json is the one source of the version; the manifest gets it here at build time. Browsers accept
 * 1–4 dot-separated integers 0–65535 without leading zeros, so "1.2.0-beta" fails the build, not the upload.
 */
export function manifestVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length > 4 || !parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65535)) {
    throw new Error(`package.json version "${version}" is not a valid extension version (1-4 integers 0-65535, e.g. 1.2.3)`);
  }
  return version;
}

// One manifest source, adapted per browser at build time (Chrome ignores background.scripts with a
// warning, Firefox has no MV3 service worker), so each build ships only keys its browser understands.
export function manifestFor(t: BuildTarget, version: string = pkg.version): ManifestV3Export {
  const base = { ...baseManifest, version: manifestVersion(version) };
  if (t === 'chrome') return base as ManifestV3Export;
  // Firefox does not implement `externally_connectable` (bug 1319168) and warns "An unexpected property was
  // found" when loading it. It is not needed there: Firefox pages cannot message extensions at all, and
  // other extensions reach only runtime.onMessageExternal/onConnectExternal, which the worker never listens to.
  // `identity` ("Sign in with Space"): Firefox does not accept it as optional ("Invalid optional_permissions";
  // browser.identity stays undefined), so the Firefox build declares it. Firefox reads managed settings from
  // policies.json (`3rdparty.Extensions`) and has no `storage.managed_schema`.
  const {
    minimum_chrome_version: _chromeOnly, externally_connectable: _notInFirefox, background, optional_permissions: optional,
    storage: _managedSchema, permissions, ...rest
  } = base;
  const stillOptional = optional.filter((p) => p !== 'identity');
  return {
    ...rest,
    permissions: [...permissions, 'identity'],
    ...(stillOptional.length > 0 ? { optional_permissions: stillOptional } : {}),
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // What leaves the browser, and only for the user's own Space server (PRIVACY.md, "Firefox"): the token,
        // the queries (which may be people's names or e-mail addresses) and text selected on a page.
        data_collection_permissions: {
          required: ['authenticationInfo', 'personallyIdentifyingInfo', 'searchTerms', 'websiteContent'],
        },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

const UI_SHARED = /node_modules[\\/]preact[\\/]|vite[\\/]preload-helper|src[\\/]shared[\\/](messaging|i18n|browser|auth-problem|ui[\\/]text|ui[\\/]Text)\.tsx?$/;
const CORE_SHARED = /src[\\/]shared[\\/](protocol|query-text|storage-keys|kinds|home)\.ts$|src[\\/]space[\\/]same-origin\.ts$/;

/**
 * Vite wraps every `import()` in a preload helper that links the lazy chunk's imports (`modulepreload`) and its
 * stylesheets, waiting for the latter, before importing it: ~1 kB gzip of feature tests, CSP nonces and error
 * events in the first-frame bundle of both pages. This one does the same for an extension page (same origin,
 * no nonce, `modulepreload` always supported) in a few lines. The helper's module id and its `(load, deps)`
 * signature are Vite's (vite/src/node/plugins/importAnalysisBuild.ts); `npm run size:check` fails if Vite's helper
 * comes back, and e2e (popup-people) checks a lazily loaded card is styled.
 */
function smallPreloadHelper(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  return {
    name: 'space-lookup:small-preload-helper',
    enforce: 'pre',
    resolveId: (id) => (id === helperId ? helperId : null),
    load(id) {
      if (id !== helperId) return null;
      return `export const __vitePreload = (load, deps) => Promise.all((deps || []).map((dep) => {
  const href = '/' + dep;
  const css = dep.endsWith('.css');
  if (document.querySelector('link[href="' + href + '"]')) return;
  const link = Object.assign(document.createElement('link'), { rel: css ? 'stylesheet' : 'modulepreload', href });
  document.head.append(link);
  if (css) return new Promise((done) => { link.onload = link.onerror = done; });
})).then(load);`;
    },
  };
}

export default defineConfig({
  plugins: [smallPreloadHelper(), crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: process.env.OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox140' : 'chrome120',
    sourcemap: false,
    // `<link rel=modulepreload>` for each page's chunks, so they load in parallel with its entry instead of after the
    // entry is parsed. Every browser we support has it, so no polyfill.
    modulePreload: { polyfill: false },
    // `.vite/manifest.json`: each entry's static imports and CSS, which `npm run size:check` measures against the
    // budgets (scripts/lib/bundle-sizes.mjs). Not part of the extension: release zips leave `.vite/` out.
    manifest: true,
    rolldownOptions: {
      // Required by `includeDependenciesRecursively: false` below; no entry here exports anything anyway.
      preserveEntrySignatures: 'allow-extension',
      output: {
        codeSplitting: {
          // Left to itself the bundler cuts a chunk per set of importers (a 0.2 kB `protocol` chunk, a 0.7 kB
          // `Text` one once Options stopped needing it at first paint), and each file costs its own gzip header
          // and dictionary. `ui`: what both pages paint their first frame with (Preact, the page-side helpers of
          // src/shared). `core`: the small shared modules the worker and the pages both use. Each module is named
          // exactly (no dependencies pulled in), so the worker never loads a byte of `ui`.
          groups: [
            { name: 'ui', test: UI_SHARED, includeDependenciesRecursively: false },
            { name: 'core', test: CORE_SHARED, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
