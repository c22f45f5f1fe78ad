import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ZipInput, readZip, writeZip } from './zip.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const text = (s: string) => Buffer.from(s, 'utf8');
const ENTRIES: ZipInput[] = [
  { name: 'manifest.json', data: text(JSON.stringify({ name: 'x', version: '1.0' }, null, 2).repeat(20)) },
  { name: 'assets/app.js', data: text('console.log(1);\n'.repeat(100)) },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: 'icons/noise.png', data: randomBytes(4096) }, // incompressible: stored, not deflated
  { name: '_locales/de/Übersicht.txt', data: text('Grüße') },
  { name: '.ci/run', data: text('#!/bin/sh\necho ok\n'), executable: true },
];

describe('writeZip / readZip', () => {
  it('round-trips names, contents and modes, sorted by name bytes', () => {
    const entries = readZip(writeZip(ENTRIES));
    expect(entries.map((e) => e.name)).toEqual([
      '.ci/run', '_locales/de/Übersicht.txt', 'assets/app.js', 'empty.txt', 'icons/noise.png', 'manifest.json',
    ]);
    for (const e of entries) {
      const input = ENTRIES.find((i) => i.name === e.name);
      expect(Buffer.compare(e.data, Buffer.from(input!.data)), e.name).toBe(0);
      expect(e.mode, e.name).toBe(input!.executable ? 0o100755 : 0o100644);
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('assets/app.js')!.method).toBe(8);
    expect(byName.get('icons/noise.png')!.method).toBe(0);
    expect(byName.get('_locales/de/Übersicht.txt')!.flags & 0x0800).toBe(0x0800);
    expect(byName.get('manifest.json')!.flags).toBe(0);
  });

  it('gives the same bytes whatever the input order, with fixed time and no extra fields', () => {
    const a = writeZip(ENTRIES);
    const b = writeZip([...ENTRIES].reverse());
    expect(b.equals(a)).toBe(true);
    for (const e of readZip(a)) {
      expect([e.dosDate, e.dosTime, e.extraLength, e.flags & 0x0008], e.name).toEqual([(1 << 5) | 1, 0, 0, 0]);
      expect(e.madeBy >> 8, 'made by Unix, so the mode is honoured').toBe(3);
    }
  });

  it('writes an empty archive as a bare end-of-central-directory record', () => {
    expect(writeZip([]).toString('hex')).toBe('504b0506' + '00'.repeat(18));
    expect(readZip(writeZip([]))).toEqual([]);
  });

  it('refuses names an extractor could misplace, and duplicates', () => {
    for (const name of ['', '/etc/passwd', '../x', 'a/../b', 'a//b', 'a\\b', 'dir/', './a']) {
      expect(() => writeZip([{ name, data: text('x') }]), JSON.stringify(name)).toThrow(/bad entry name/);
    }
    expect(() => writeZip([{ name: 'a', data: text('1') }, { name: 'a', data: text('2') }])).toThrow(/duplicate/);
  });

  it('detects a corrupted entry when reading back', () => {
    const zip = writeZip([{ name: 'a.txt', data: text('hello hello hello hello hello') }]);
    const at = 30 + 'a.txt'.length + 2; // a byte of the compressed body
    zip.writeUInt8(zip.readUInt8(at) ^ 0xff, at);
    expect(() => readZip(zip)).toThrow(/a\.txt/);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('is read the same way by an independent reader (Python zipfile)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    dirs.push(dir);
    const file = join(dir, 'a.zip');
    writeFileSync(file, writeZip(ENTRIES));
    const script = [
      'import hashlib, json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, list(i.date_time), i.external_attr >> 16, i.extra.hex(), i.comment.hex(),',
      '  hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const sha = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');
    const expected = [...ENTRIES]
      .sort((x, y) => Buffer.compare(Buffer.from(x.name), Buffer.from(y.name)))
      .map((e) => [e.name, [1980, 1, 1, 0, 0, 0], e.executable ? 0o100755 : 0o100644, '', '', sha(e.data)]);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });
});
