import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from './package/zip.mjs';

const SCRIPT = join(import.meta.dirname, 'lint-firefox.mjs');
const dir = mkdtempSync(join(tmpdir(), 'lint-firefox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lint = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('lint-firefox.mjs', () => {
  it('lints the .zip it is given, and fails on its errors', () => {
    // An MV3 add-on without a gecko id: AMO refuses it (ADDON_ID_REQUIRED), whatever dist-firefox/ holds.
    const manifest = { manifest_version: 3, name: 'Lint probe', version: '1.0', background: { scripts: ['bg.js'] } };
    const file = join(dir, 'no-id.zip');
    writeFileSync(file, writeZip([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
      { name: 'bg.js', data: Buffer.from('console.log(1);\n') },
    ]));
    const r = lint(file);
    expect(r.stdout).toContain('ADDON_ID_REQUIRED');
    expect(r.stdout).toMatch(/web-ext lint .*no-id\.zip: [1-9]\d* errors/);
    expect(r.status).toBe(1);
  }, 60_000);

  it('says what is wrong when the path is neither a package nor a build', () => {
    const r = lint(join(dir, 'missing.zip'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.zip: no such \.zip\/\.xpi file/);
  });
});
