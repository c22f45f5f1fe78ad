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
    ['http://127.1.2.3', 'http://127.1.2.3'],
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

describe('normalizeBaseUrl properties', () => {
  const check = (input: string) => {
    const result = normalizeBaseUrl(input);
    if (!result.ok) {
      expect(['empty', 'unsupported-scheme', 'credentials', 'invalid-host', 'insecure-http']).toContain(result.reason);
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
    // The permission pattern for it is well-formed and covers it.
    expect(originPattern(result.origin)).toBe(`${url.protocol}//${url.hostname}/*`);
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
