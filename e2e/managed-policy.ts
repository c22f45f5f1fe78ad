/**
 * Managed settings (issue 8) for a real Chromium: Chromium on Linux reads an extension's managed storage from
 * policy files only — JSON in the root-owned /etc/chromium/policies/managed/, `3rdparty.extensions.<id>` — and
 * there is no command-line switch or API to feed it otherwise. The e2e suite runs as root, so the harness writes
 * such a file for one test and removes it afterwards.
 *
 * The file names one extension id, and an unpacked extension's id is derived from its folder's path (the first
 * 128 bits of SHA-256 of the absolute path, as letters a–p). The harness loads a copy of the build from a fresh
 * temporary folder, so the policy reaches that copy only — never the extension of another test run on the same
 * machine — and is gone when the copy is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id of an extension loaded unpacked from `absolutePath` (no `key` in the manifest). */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(0x61 + Number.parseInt(c, 16))).join('');
}

/** Why the policy file can't be written here (not root, or no Chromium policy folder possible); null if it can. */
export function managedPolicyUnavailable(): string | null {
  if (process.platform !== 'linux') return 'Chromium policy files are written this way on Linux only';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return `${CHROMIUM_POLICY_DIR} is root-owned and the tests do not run as root`;
  return null;
}

/**
 * Writes `values` as the managed storage of extension `id`; returns the cleanup (removes the file, and the folders
 * it had to create, if they are empty).
 */
export function writeManagedPolicy(id: string, values: Record<string, unknown>): () => void {
  const created: string[] = [];
  for (const dir of ['/etc/chromium/policies', CHROMIUM_POLICY_DIR]) {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      created.unshift(dir);
    }
  }
  const file = join(CHROMIUM_POLICY_DIR, `space-lookup-e2e-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }, null, 2));
  return () => {
    rmSync(file, { force: true });
    for (const dir of created) {
      try {
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      } catch {
        // Someone else's file appeared meanwhile: leave the folder.
      }
    }
  };
}

/**
 * Makes a running Chromium read its policy files again now — what an administrator's change reaches a browser
 * through — with chrome://policy's "Reload policies" button (Chromium also notices the files by itself, after a
 * settle delay of seconds). Chrome then reports the extension's changed keys to `storage.onChanged` (area
 * `managed`).
 */
export async function reloadChromiumPolicies(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.locator('#reload-policies').click();
  } finally {
    await page.close();
  }
}
