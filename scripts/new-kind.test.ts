/**
 * `npm run new-kind`: the scaffold refuses bad and taken names, a dry run writes nothing, and the folder and the demo
 * module it writes compile against the registries and kind-kit.ts in place of a real kind (in a temporary copy of the
 * sources) while leaving TODO markers that the registry test and the demo kinds test refuse.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkName, scaffold, TODO } from './new-kind.mjs';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(import.meta.dirname, 'new-kind.mjs');
/** Every file a kind folder has (src/kinds/registry.test.ts). */
const KIND_FILES = ['meta.ts', 'permissions.ts', 'entity.ts', 'web-url.ts', 'mapper.ts', 'space.ts', 'search.ts', 'view.tsx', 'card.tsx', 'fixture.ts'];
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('npm run new-kind', () => {
  it.each(['', 'Channel', 'chat-channel', '1abc', 'x', 'all', 'test-support'])('refuses the name %j', (name) => {
    expect(checkName(name)).not.toBeNull();
  });

  it('refuses a kind that already has a folder, and writes nothing', () => {
    const result = run('person');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/kinds/person/ already exists');
  });

  it('a dry run lists the files and the remaining steps, and writes nothing', () => {
    const result = run('zzdryrun', '--dry-run');
    expect(result.status).toBe(0);
    for (const file of KIND_FILES) expect(result.stdout).toContain(`src/kinds/zzdryrun/${file}`);
    expect(result.stdout).toContain('scripts/demo-space/kinds/zzdryrun.ts');
    for (const step of ['ALL_KINDS', 'messages.json', 'KindE2eCase']) expect(result.stdout).toContain(step);
    // The registries, the e2e cases, the fuzz and the bench are built from the folders and modules: no line to write.
    expect(result.stdout).not.toMatch(/registry|src\/space|kind-cases|mapper-targets|responses\.ts|results\.ts|request-kind/);
    expect(existsSync(join(ROOT, 'src', 'kinds', 'zzdryrun'))).toBe(false);
    expect(existsSync(join(ROOT, 'scripts', 'demo-space', 'kinds', 'zzdryrun.ts'))).toBe(false);
  });

  describe('in a copy of the sources', () => {
    const copy = mkdtempSync(join(tmpdir(), 'new-kind-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(ROOT, 'public', '_locales'), join(copy, 'public', '_locales'), { recursive: true });
    cpSync(join(ROOT, 'scripts'), join(copy, 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));

    it('scaffolds a folder that compiles in place of a real kind, with TODO markers in every file', () => {
      // `team` is listed in ALL_KINDS: its folder and its demo module are swapped for fresh ones.
      const demo = join('scripts', 'demo-space', 'kinds', 'team.ts');
      rmSync(join(copy, 'src', 'kinds', 'team'), { recursive: true });
      expect(() => scaffold(copy, 'team')).toThrow(/scripts\/demo-space\/kinds\/team\.ts already exists/);
      expect(existsSync(join(copy, 'src', 'kinds', 'team'))).toBe(false);
      rmSync(join(copy, demo));
      const written = scaffold(copy, 'team');
      expect(written.sort()).toEqual([...KIND_FILES.map((f) => join('src', 'kinds', 'team', f)), demo].sort());
      for (const file of readdirSync(join(copy, 'src', 'kinds', 'team'))) {
        expect(readFileSync(join(copy, 'src', 'kinds', 'team', file), 'utf8'), file).toContain(TODO);
      }
      expect(readFileSync(join(copy, demo), 'utf8')).toContain(TODO);
      expect(() => scaffold(copy, 'team')).toThrow(/already exists/);

      writeFileSync(join(copy, 'tsconfig.kinds.json'), JSON.stringify({
        extends: './tsconfig.json', include: ['src/kinds', demo], exclude: ['src/kinds/**/*.test.ts', 'src/kinds/**/*.test.tsx'],
      }));
      const kindErrors = () => {
        const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.kinds.json'], {
          cwd: copy, encoding: 'utf8',
        });
        expect(tsc.stdout + tsc.stderr).not.toMatch(/error TS(5|6)\d{3}/); // the project itself loaded
        return tsc.stdout.split('\n').filter((line) => line.startsWith('src/kinds/') || line.startsWith(demo));
      };
      expect(kindErrors()).toEqual([]);
      // The check bites: a stub that does not fit the registry types is reported.
      writeFileSync(join(copy, 'src', 'kinds', 'team', 'meta.ts'), "export const teamMeta = { kind: 'team', letter: 'T', hue: 0 };\n");
      expect(kindErrors().join('\n')).toMatch(/src\/kinds\/team\/view\.tsx/);
    }, 120_000);
  });
});
