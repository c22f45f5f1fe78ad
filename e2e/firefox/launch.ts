/**
 * Starts a throwaway headless Firefox with WebDriver BiDi on a free port, and kills it for certain: Firefox
 * forks content processes, so it runs in its own process group and the whole group is killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PrefValue = string | number | boolean;

export interface FirefoxInstance {
  /** `ws://127.0.0.1:PORT`, from Firefox's own startup line. */
  bidiUrl: string;
  profileDir: string;
  /** Everything Firefox printed so far, for failure messages. */
  output(): string;
  /** Kills the process group and deletes the profile; safe to call twice. */
  kill(): Promise<void>;
}

export interface LaunchOptions {
  binary: string;
  prefs?: Record<string, PrefValue>;
  startTimeoutMs?: number;
}

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'];

/** `FIREFOX_PATH`, else Debian's firefox-esr; null when none is installed (the suite then skips). */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  for (const candidate of fromEnv ? [fromEnv] : CANDIDATES) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

/**
 * Prefs that keep a test profile quiet and offline-friendly. The remote agent already applies its own
 * "recommended" automation prefs; these cover what it leaves alone and what would only add noise or delay.
 */
const QUIET_PREFS: Record<string, PrefValue> = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

function userJs(prefs: Record<string, PrefValue>): string {
  // JSON string literals are valid pref-file string literals.
  return Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join('');
}

export async function launchFirefox(opts: LaunchOptions): Promise<FirefoxInstance> {
  const profileDir = mkdtempSync(join(tmpdir(), 'space-lookup-ff-'));
  writeFileSync(join(profileDir, 'user.js'), userJs({ ...QUIET_PREFS, ...opts.prefs }));

  const child = spawn(opts.binary, [
    '--headless',
    '--no-remote',
    '--remote-debugging-port=0',
    // Without it, BiDi may not navigate a tab to a moz-extension:// page (toolchain.md §8.3).
    '--remote-allow-system-access',
    '--profile', profileDir,
    'about:blank',
  ], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
  });

  let output = '';
  let killed = false;
  const kill = async (): Promise<void> => {
    if (!killed) {
      killed = true;
      await killGroup(child);
    }
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const bidiUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Firefox printed no BiDi address within ${opts.startTimeoutMs ?? 15_000} ms`)), opts.startTimeoutMs ?? 15_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Firefox exited during startup (code ${code}, signal ${signal})`));
      });
    });
    return { bidiUrl, profileDir, output: () => output, kill };
  } catch (error) {
    await kill();
    throw new Error(`${(error as Error).message}\n--- Firefox output ---\n${output.slice(-4000)}`, { cause: error });
  }
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
  try {
    // The whole group even when the parent has exited: content processes may outlive it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    return; // the group is already gone
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 5_000); })]);
  clearTimeout(timer);
}
