import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, manifestVersion } from '../../vite.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

// manifestFor returns a plain object; crxjs's type also allows a promise or a function.
const versionOf = (m: unknown) => (m as { version?: string }).version;

describe('one version: package.json', () => {
  it('is the version of both manifests', () => {
    expect(versionOf(manifestFor('chrome'))).toBe(pkg.version);
    expect(versionOf(manifestFor('firefox'))).toBe(pkg.version);
    expect(versionOf(manifestFor('chrome', '3.14.15'))).toBe('3.14.15');
    expect(versionOf(manifestFor('firefox', '3.14.15'))).toBe('3.14.15');
  });

  it('is not repeated in manifest.json, so the two cannot disagree', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'))).not.toHaveProperty('version');
  });

  it('must be a version every browser accepts', () => {
    for (const ok of ['0.1.0', '1', '1.2.3.4', '65535.0.0']) expect(manifestVersion(ok)).toBe(ok);
    for (const bad of ['1.2.3-beta', '1.2.3.4.5', '01.2', '65536.0', '1..2', '', 'v1.0']) {
      expect(() => manifestVersion(bad), bad).toThrow(/not a valid extension version/);
      expect(() => manifestFor('chrome', bad), bad).toThrow(/not a valid extension version/);
    }
  });
});
