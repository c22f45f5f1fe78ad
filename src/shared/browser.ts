/**
 * The extension namespace for the popup and options pages.
 *
 * Pages use the browser's own namespace instead of webextension-polyfill: every API they call
 * (runtime.sendMessage/connect/openOptionsPage, storage, tabs.create, permissions.request, i18n) returns
 * promises natively in Chrome/Edge 120+ MV3 (our minimum) and in Firefox (`browser`). That keeps ~3 kB gzip
 * out of each page's first paint. The service worker keeps the polyfill, which it needs for
 * promise-returning `runtime.onMessage` listeners in Chrome.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

const browser: Browser = (scope.browser ?? scope.chrome) as Browser;

export default browser;
