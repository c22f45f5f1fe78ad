// A reproducible ZIP writer (and the reader its tests and the packager's checks use). Same entries in → same
// bytes out: entries sorted by their UTF-8 name bytes, every timestamp 1980-01-01 00:00 (the DOS epoch),
// permissions 0644 (0755 when asked), no extra fields, no data descriptors, no comments. Hand-written rather
// than a zip library because determinism is the whole point and the format needs ~100 lines with node:zlib.
// Spec: PKWARE APPNOTE.TXT §4.3 (local header, central directory, end of central directory); no ZIP64.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const STORE = 0;
const DEFLATE = 8;
const FLAG_UTF8 = 0x0800; // APPNOTE §4.4.4 bit 11: the name is UTF-8
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const MADE_BY_UNIX = (3 << 8) | 20; // host system 3 (Unix), so unzip honours the mode in the external attributes
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;

/**
 * @param {{ name: string, data: Uint8Array, executable?: boolean }[]} entries
 * @returns {Buffer}
 */
export function writeZip(entries) {
  const files = entries.map((e) => ({ ...e, nameBytes: Buffer.from(checkName(e.name), 'utf8') }));
  files.sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
  for (let i = 1; i < files.length; i++) {
    if (files[i].name === files[i - 1].name) throw new Error(`zip: duplicate entry ${files[i].name}`);
  }
  if (files.length > MAX_U16) throw new Error('zip: too many entries (no ZIP64)');

  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : data;
    if (data.length > MAX_U32 || offset > MAX_U32) throw new Error('zip: too large (no ZIP64)');
    const flags = /^[\x20-\x7e]*$/.test(f.name) ? 0 : FLAG_UTF8;
    const versionNeeded = method === DEFLATE ? 20 : 10;
    const crc = crc32(data);
    const mode = f.executable ? 0o100755 : 0o100644;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(f.nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, f.nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIG, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(versionNeeded, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(f.nameBytes.length, 28);
    // 30: extra length, 32: comment length, 34: disk number start, 36: internal attributes — all 0
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, f.nameBytes);

    offset += local.length + f.nameBytes.length + body.length;
  }

  const centralDir = Buffer.concat(centrals);
  if (offset > MAX_U32) throw new Error('zip: too large (no ZIP64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  // 4: this disk, 6: disk with the central directory — both 0
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  // 20: comment length 0
  return Buffer.concat([...locals, centralDir, end]);
}

/** A relative path with forward slashes that no extractor could place outside its target folder. */
function checkName(name) {
  if (
    typeof name !== 'string' || name === '' || name.startsWith('/') || name.endsWith('/') || name.includes('\\') ||
    name.includes('\0') || name.split('/').some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`zip: bad entry name ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * Parses a ZIP written by writeZip (or any plain ZIP without ZIP64/encryption), checking that every local
 * header agrees with its central-directory record and every CRC matches.
 * @param {Uint8Array} zip
 * @returns {{ name: string, data: Buffer, mode: number, method: number, flags: number, dosTime: number, dosDate: number, madeBy: number, extraLength: number }[]}
 */
export function readZip(zip) {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let endAt = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - MAX_U16); i--) {
    if (buf.readUInt32LE(i) === END_SIG) { endAt = i; break; }
  }
  if (endAt < 0) throw new Error('zip: no end of central directory record');
  const count = buf.readUInt16LE(endAt + 10);
  let p = buf.readUInt32LE(endAt + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIG) throw new Error(`zip: bad central directory record ${i}`);
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const dosTime = buf.readUInt16LE(p + 12);
    const dosDate = buf.readUInt16LE(p + 14);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const mode = buf.readUInt32LE(p + 38) >>> 16;
    const localAt = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength;

    if (buf.readUInt32LE(localAt) !== LOCAL_SIG) throw new Error(`zip: ${name}: bad local header`);
    const localNameLength = buf.readUInt16LE(localAt + 26);
    const localExtraLength = buf.readUInt16LE(localAt + 28);
    const same =
      buf.readUInt16LE(localAt + 8) === method && buf.readUInt32LE(localAt + 14) === crc &&
      buf.readUInt32LE(localAt + 18) === compressedSize && buf.readUInt32LE(localAt + 22) === size &&
      buf.toString('utf8', localAt + 30, localAt + 30 + localNameLength) === name;
    if (!same) throw new Error(`zip: ${name}: local header disagrees with the central directory`);
    const start = localAt + 30 + localNameLength + localExtraLength;
    const body = buf.subarray(start, start + compressedSize);
    let data;
    if (method === STORE) data = Buffer.from(body);
    else if (method === DEFLATE) data = inflateRawSync(body);
    else throw new Error(`zip: ${name}: unsupported method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`zip: ${name}: size or CRC mismatch`);
    entries.push({ name, data, mode, method, flags, dosTime, dosDate, madeBy, extraLength: extraLength + localExtraLength });
  }
  return entries;
}
