import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

export type BuildTarget = 'chrome' | 'firefox';

const target: BuildTarget = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Gecko id; also used by the Firefox smoke checks. */
export const GECKO_ID = 'space-lookup@space-lookup.invalid';

// One manifest source, adapted per browser at build time (Chrome ignores background.scripts with a
// warning, Firefox has no MV3 service worker), so each build ships only keys its browser understands.
export function manifestFor(t: BuildTarget): ManifestV3Export {
  if (t === 'chrome') return baseManifest as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: process.env.OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox140' : 'chrome120',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
