import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeModulesProblem } from './ensure-deps.mjs';

type Packages = Record<string, { version: string; optional?: boolean; link?: boolean }>;

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A project folder with a lockfile and (optionally) what npm recorded as installed. */
function project(locked: Packages, installed: Packages | null, present: string[] = Object.keys(installed ?? {})): string {
  const root = mkdtempSync(join(tmpdir(), 'ensure-deps-'));
  roots.push(root);
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...locked } }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
    for (const path of present) mkdirSync(join(root, path), { recursive: true });
  }
  return root;
}

describe('nodeModulesProblem', () => {
  const vite = { 'node_modules/vite': { version: '8.3.8' } };

  it('is null when node_modules matches the lockfile', () => {
    expect(nodeModulesProblem(project(vite, vite))).toBeNull();
  });

  it('reports a missing node_modules', () => {
    expect(nodeModulesProblem(project(vite, null))).toMatch(/node_modules is missing/);
  });

  it('reports a version that differs from the lockfile', () => {
    expect(nodeModulesProblem(project(vite, { 'node_modules/vite': { version: '8.4.0' } }))).toMatch(/8\.4\.0.*8\.3\.8/);
  });

  it('reports a locked package that is not installed, or was deleted by hand', () => {
    expect(nodeModulesProblem(project({ ...vite, 'node_modules/preact': { version: '11.2.0' } }, vite))).toMatch(/preact is not installed/);
    expect(nodeModulesProblem(project(vite, vite, []))).toMatch(/vite was deleted/);
  });

  it('reports a package installed but no longer locked', () => {
    expect(nodeModulesProblem(project(vite, { ...vite, 'node_modules/left-pad': { version: '1.0.0' } }))).toMatch(/left-pad/);
  });

  it('accepts optional packages for other platforms that npm skipped', () => {
    const locked = { ...vite, 'node_modules/@rolldown/binding-darwin-arm64': { version: '1.0.0', optional: true } };
    expect(nodeModulesProblem(project(locked, vite))).toBeNull();
  });
});
