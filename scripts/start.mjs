#!/usr/bin/env node
// `npm start`: from a fresh clone to people lookup in a minute. Installs what is missing, builds dist/, starts
// the demo Space server, opens Chromium or Chrome with the extension loaded and already connected to the demo
// organization, and shows the popup page. Ctrl+C stops the browser and the server.
//
//   npm start                 # the normal way
//   npm start -- --headless   # same flow without a window (a smoke check for machines without a display)
//
// The extension is loaded through the DevTools protocol (Extensions.loadUnpacked), which Google Chrome 137+
// still honours while it ignores --load-extension (toolchain.md §6 and gotcha 15).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const PROFILE_DIR = join(ROOT, '.tmp', 'profile');
const headlessSmoke = process.argv.includes('--headless');

const say = (line = '') => console.log(line);

function build() {
  const started = Date.now();
  // vite directly, not through npx: npx does not forward signals to its child (toolchain.md gotcha 10).
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the build failed (see above)');
  say(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function startDemo() {
  // The demo server is TypeScript; tsx compiles it in-process, so Ctrl+C reaches one process only.
  const { tsImport } = await import('tsx/esm/api');
  const cli = await tsImport('./demo-space/cli-options.ts', import.meta.url);
  const options = cli.parseArgs([], process.env);
  return cli.startFromOptions(options, cli.DEFAULT_PORT, (port) => say(`Port ${port} is taken; the demo server uses a free port instead.`));
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function printManualSteps(server) {
  say('To try the extension in your own browser:');
  say('  1. Open chrome://extensions (edge://extensions in Edge), switch on Developer mode.');
  say(`  2. Load unpacked → choose ${DIST}`);
  say('  3. In the options page that opens, enter:');
  say(`       Space URL:  ${server.url}`);
  say(`       Token:      ${server.token}`);
  say('     then Connect, and allow access when the browser asks.');
  say(`     Or choose "Sign in with Space" with the client ID ${server.oauthClientId}, then Approve in the window that opens.`);
  say('  4. Click the Space Lookup toolbar button and type a name, e.g. "jonathan".');
}

/** Loads dist/ over CDP, grants the demo origin, connects through the real options page, opens the popup. */
async function openBrowser(executablePath, server) {
  const { chromium } = await import('playwright-core');
  mkdirSync(PROFILE_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE_DIR, {
    executablePath,
    headless: headlessSmoke,
    viewport: null,
    // Playwright disables extensions by default; loading over CDP needs them on (toolchain.md §6).
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: ['--enable-unsafe-extension-debugging', '--no-first-run', '--no-default-browser-check', ...(headlessSmoke ? ['--no-sandbox'] : [])],
  });
  const browser = context.browser();
  if (!browser) throw new Error('no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: DIST });
  const ext = (path) => `chrome-extension://${id}/${path}`;

  // Host access for the demo origin, the way a user's "Allow" would add it; the options page's own request
  // from its Connect click then resolves at once (toolchain.md §7.4).
  const admin = await context.newPage();
  await admin.goto(`chrome://extensions/?id=${id}`);
  const pattern = `${new URL(server.url).protocol}//${new URL(server.url).hostname}/*`;
  await admin.evaluate(([extId, host]) => chrome.developerPrivate.addHostPermission(extId, host), [id, pattern]);
  await admin.close();

  // A fresh profile opens the options page on install; use that tab (or open one).
  const optionsUrl = ext('src/options/index.html');
  await new Promise((r) => setTimeout(r, 500));
  const options = context.pages().find((p) => p.url() === optionsUrl) ?? (await context.newPage());
  if (options.url() !== optionsUrl) await options.goto(optionsUrl);
  await options.locator('main[data-loaded="true"]').waitFor();
  // Connect every time, even when a reused profile is already connected: the Connect click is what turns
  // the granted origin into an active permission, and the demo server's port may differ from last time.
  const summary = options.getByTestId('connected-as');
  for (const reopen of ['replace-token', 'sign-in-again']) {
    const button = options.getByTestId(reopen);
    if (await button.isVisible()) await button.click();
  }
  // A profile last signed in with Space shows that method; the quick start uses the demo token.
  const tokenMethod = options.getByTestId('method-token');
  if (await tokenMethod.isVisible()) await tokenMethod.check();
  await options.getByTestId('url-input').fill(server.url);
  await options.getByTestId('token-input').fill(server.token);
  await options.getByTestId('connect').click();
  await summary.waitFor({ timeout: 30_000 });
  say(`Options: ${await summary.innerText()}`);

  const popup = await context.newPage();
  await popup.goto(ext('src/popup/index.html'));
  await popup.bringToFront();
  return { context, popup };
}

async function main() {
  const started = Date.now();
  const executable = ensureDeps({ anyBrowser: true });
  build();
  const server = await startDemo();
  say(`Demo Space "${server.dataset.organizationName}" at ${server.url} (token ${server.token}; Sign in with Space: client ID ${server.oauthClientId}).`);

  let context = null;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    await context?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (!hasDisplay() && !headlessSmoke) {
    say();
    say('No display found ($DISPLAY and $WAYLAND_DISPLAY are empty), so no browser window can open here.');
    printManualSteps(server);
    say();
    say('The demo server keeps running. Ctrl+C stops it.');
    return;
  }

  try {
    const opened = await openBrowser(executable, server);
    context = opened.context;
    say();
    say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: the popup page is open in ${executable}.`);
    say('Type a name (try "jonathan"), a project, or an issue key such as ABC-T-42. The toolbar button opens the same popup.');
    say('Ctrl+C (or closing the browser) stops everything.');
    if (headlessSmoke) {
      await opened.popup.getByTestId('search-input').fill('jonathan');
      await opened.popup.locator('[data-testid="result"][data-kind="person"]').first().waitFor({ timeout: 15_000 });
      say('Headless smoke check: people lookup answered.');
      await stop(0);
      return;
    }
    context.on('close', () => void stop(0));
  } catch (e) {
    say(`Could not open the browser automatically: ${e instanceof Error ? e.message : String(e)}`);
    printManualSteps(server);
    say('The demo server keeps running. Ctrl+C stops it.');
  }
}

main().catch((e) => {
  console.error(`npm start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
