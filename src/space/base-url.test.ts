import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoopback, normalizeBaseUrl, originPattern, type InvalidUrlReason } from './base-url.ts';

describe('normalizeBaseUrl accepts what users paste', () => {
  const accepted: [string, string][] = [
    ['space.example.com', 'https://space.example.com'],
    ['  space.example.com  ', 'https://space.example.com'],
    ['\tspace.example.com\n', 'https://space.example.com'],
    ['https://space.example.com/', 'https://space.example.com'],
    ['https://space.example.com///', 'https://space.example.com'],
    ['HTTPS://Space.Example.COM/', 'https://space.example.com'],
    ['https://acme.jetbrains.space/p/abc/issues/3', 'https://acme.jetbrains.space'],
    ['https://jetbrains.team/api/http/', 'https://jetbrains.team'],
    ['https://jetbrains.team/api/http/team-directory/profiles/me?$fields=id#x', 'https://jetbrains.team'],
    ['https://space.example.com:443/', 'https://space.example.com'],
    ['https://space.example.com:8443/p/x', 'https://space.example.com:8443'],
    ['space.example.com:8443', 'https://space.example.com:8443'],
    ['space.example.com:8443/p/abc', 'https://space.example.com:8443'],
    ['//space.example.com/p', 'https://space.example.com'],
    ['https://space.example.com.', 'https://space.example.com'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://スペース.example', 'https://xn--zcka2h0f.example'],
    ['https://intranet', 'https://intranet'],
    ['https://10.0.0.5:8084', 'https://10.0.0.5:8084'],
    ['https://[2001:db8::1]/', 'https://[2001:db8::1]'],
    ['http://127.0.0.1:8084', 'http://127.0.0.1:8084'],
    ['http://127.0.0.1:8084/m/me', 'http://127.0.0.1:8084'],
    // The URL parser writes these as 127.0.0.1.
    ['http://127.1:8084', 'http://127.0.0.1:8084'],
    ['http://2130706433:8084', 'http://127.0.0.1:8084'],
    // https may use any host: `https://*/*` is in optional_host_permissions.
    ['https://127.1.2.3', 'https://127.1.2.3'],
    ['http://localhost:8084/', 'http://localhost:8084'],
    ['http://LOCALHOST', 'http://localhost'],
    ['http://[::1]:8084', 'http://[::1]:8084'],
    ['http://[0:0:0:0:0:0:0:1]:8084', 'http://[::1]:8084'],
    ['http://127.0.0.1:80', 'http://127.0.0.1'],
    // Bare loopback defaults to http: Space On-Premises ships on http://127.0.0.1:8084.
    ['127.0.0.1:8084', 'http://127.0.0.1:8084'],
    ['localhost:8084', 'http://localhost:8084'],
    ['[::1]:8084', 'http://[::1]:8084'],
    ['https://localhost:8443', 'https://localhost:8443'],
  ];
  it.each(accepted)('%j → %s', (input, origin) => {
    expect(normalizeBaseUrl(input)).toEqual({ ok: true, origin });
  });
});

describe('normalizeBaseUrl rejects with a specific reason', () => {
  const rejected: [string, InvalidUrlReason][] = [
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['ftp://space.example.com', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['data:text/html,<b>x</b>', 'unsupported-scheme'],
    ['chrome-extension://abc/options.html', 'unsupported-scheme'],
    ['ws://space.example.com', 'unsupported-scheme'],
    ['https://user:secret@space.example.com', 'credentials'],
    ['https://user@space.example.com', 'credentials'],
    ['user:secret@space.example.com', 'credentials'],
    ['alex@space.example.com', 'credentials'],
    ['http://user:pw@127.0.0.1:8084', 'credentials'],
    ['https://', 'invalid-host'],
    ['https://space example.com', 'invalid-host'],
    ['https://a..b', 'invalid-host'],
    ['https://-space.example.com', 'invalid-host'],
    ['https://space-.example.com', 'invalid-host'],
    ['https://sp*ce.example.com', 'invalid-host'],
    ['https://.', 'invalid-host'],
    ['https://[::1', 'invalid-host'],
    ['https://999.1.1.1', 'invalid-host'],
    ['8084', 'invalid-host'],
    ['https://0.0.0.0', 'invalid-host'],
    [`https://${'a'.repeat(64)}.example`, 'invalid-host'],
    ['http://space.example.com', 'insecure-http'],
    ['http://10.0.0.5:8084', 'insecure-http'],
    ['http://127.0.0.1.example.com', 'insecure-http'],
    ['http://localhost.example.com', 'insecure-http'],
    ['http://sub.localhost', 'insecure-http'],
    ['http://[::2]', 'insecure-http'],
    ['http://[::ffff:127.0.0.1]', 'insecure-http'],
    ['http://127.1.2.3', 'loopback-alias'],
    ['127.9.9.9:8084', 'loopback-alias'],
    ['http://127.255.255.254:8084/p/x', 'loopback-alias'],
    ['http://127.0.0.2', 'loopback-alias'],
  ];
  it.each(rejected)('%j → %s', (input, reason) => {
    const result = normalizeBaseUrl(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(10);
    expect(result.hint.length).toBeGreaterThan(10);
  });

  it('names the host in the insecure-http message and suggests https', () => {
    const result = normalizeBaseUrl('http://space.example.com/p/abc');
    expect(result).toMatchObject({ ok: false, reason: 'insecure-http' });
    if (result.ok) return;
    expect(result.message).toContain('space.example.com');
    expect(result.hint).toContain('https://space.example.com');
  });

  it('says which loopback addresses work, with the port typed', () => {
    const result = normalizeBaseUrl('http://127.1.2.3:8084/p/abc');
    expect(result).toMatchObject({ ok: false, reason: 'loopback-alias' });
    if (result.ok) return;
    expect(result.message).toContain('127.1.2.3');
    expect(result.hint).toBe('Use http://127.0.0.1:8084 or http://localhost:8084.');
    const noPort = normalizeBaseUrl('http://127.1.2.3');
    expect(noPort.ok === false && noPort.hint).toBe('Use http://127.0.0.1:PORT or http://localhost:PORT.');
  });

  it('never echoes credentials typed into the URL', () => {
    const result = normalizeBaseUrl('https://alex:hunter2@space.example.com');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe('isLoopback', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.255.255.254', '[::1]', '::1', '0:0:0:0:0:0:0:1'])(
    '%s is loopback', (host) => expect(isLoopback(host)).toBe(true));
  it.each(['', 'example.com', '128.0.0.1', '10.0.0.1', '127.0.0.1.nip.io', 'sub.localhost', '[::2]', '::', '127.0.0.256', 'localhost:8084'])(
    '%s is not loopback', (host) => expect(isLoopback(host)).toBe(false));
});

describe('originPattern', () => {
  it.each([
    ['https://space.example.com', 'https://space.example.com/*'],
    ['https://space.example.com:8443', 'https://space.example.com/*'],
    ['http://127.0.0.1:8084', 'http://127.0.0.1/*'],
    ['http://localhost:3000', 'http://localhost/*'],
    ['http://[::1]:8084', 'http://[::1]/*'],
  ])('%s → %s (match patterns have no port)', (origin, pattern) => expect(originPattern(origin)).toBe(pattern));
});

/** `optional_host_permissions` of the manifest, read as data. */
const OPTIONAL_HOSTS: string[] = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')).optional_host_permissions;

/** Whether `pattern` (one host, from `originPattern`) is covered by a declared optional host permission. */
function declared(pattern: string): boolean {
  return OPTIONAL_HOSTS.some((p) => p === pattern || (p === 'https://*/*' && pattern.startsWith('https://')));
}

describe('loopback over http: 127.0.0.1, never another 127.x.y.z', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const port = fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`));
  const scheme = fc.constantFrom('http://', '', 'HTTP://', '//');

  it('every address of 127.0.0.0/8 is 127.0.0.1 or refused with the fix; whatever is accepted can be granted', () => {
    fc.assert(fc.property(octet, octet, octet, port, scheme, (b, c, d, p, s) => {
      const host = `127.${b}.${c}.${d}`;
      const result = normalizeBaseUrl(`${s}${host}${p}`);
      if (host === '127.0.0.1') {
        expect(result).toEqual({ ok: true, origin: new URL(`http://127.0.0.1${p}`).origin });
        if (result.ok) expect(declared(originPattern(result.origin))).toBe(true);
        return;
      }
      expect(result).toMatchObject({ ok: false, reason: 'loopback-alias' });
      if (result.ok) return;
      const shown = p === '' || p === ':80' ? ':PORT' : p;
      expect(result.hint).toBe(`Use http://127.0.0.1${shown} or http://localhost${shown}.`);
      // Not grantable: the very reason for refusing it.
      expect(declared(`http://${host}/*`)).toBe(false);
    }), { numRuns: 2000 });
  });

  it('over https any of them is fine (https://*/* covers it)', () => {
    fc.assert(fc.property(octet, octet, octet, (b, c, d) => {
      const result = normalizeBaseUrl(`https://127.${b}.${c}.${d}`);
      expect(result).toEqual({ ok: true, origin: `https://127.${b}.${c}.${d}` });
      if (result.ok) expect(declared(originPattern(result.origin))).toBe(true);
    }), { numRuns: 500 });
  });
});

describe('normalizeBaseUrl properties', () => {
  const check = (input: string) => {
    const result = normalizeBaseUrl(input);
    if (!result.ok) {
      expect(['empty', 'unsupported-scheme', 'credentials', 'invalid-host', 'insecure-http', 'loopback-alias']).toContain(result.reason);
      expect(result.message).not.toBe('');
      return;
    }
    const url = new URL(result.origin);
    expect(url.origin).toBe(result.origin);
    expect(['https:', 'http:']).toContain(url.protocol);
    if (url.protocol === 'http:') expect(isLoopback(url.hostname)).toBe(true);
    expect(url.username + url.password).toBe('');
    // Normalizing an origin again is a no-op.
    expect(normalizeBaseUrl(result.origin)).toEqual(result);
    // The permission pattern for it is well-formed and covers it…
    expect(originPattern(result.origin)).toBe(`${url.protocol}//${url.hostname}/*`);
    // …and the manifest declares it, so requesting it cannot throw.
    expect(declared(originPattern(result.origin))).toBe(true);
  };

  it('any string is rejected with a reason or yields a round-tripping origin, never http off-loopback', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), check), { numRuns: 1000 });
  });

  it('holds for URL-shaped strings too', () => {
    const scheme = fc.constantFrom('', 'http://', 'https://', 'HTTP://', 'ftp://', '//', 'javascript:', 'https:');
    const userinfo = fc.constantFrom('', 'user@', 'u:p@', ':@');
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'bücher.example', 'a..b', ''),
    );
    const port = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 70000 }).map((p) => `:${p}`));
    const rest = fc.webPath();
    fc.assert(fc.property(scheme, userinfo, host, port, rest, (s, u, h, p, r) => check(`${s}${u}${h}${p}${r}`)), { numRuns: 1000 });
  });
});
