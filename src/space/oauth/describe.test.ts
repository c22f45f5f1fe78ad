import { describe, expect, it } from 'vitest';
import { describeOAuthError } from './describe.ts';
import { OAuthError, type OAuthErrorCode } from './errors.ts';

describe('describeOAuthError', () => {
  const codes: OAuthErrorCode[] = [
    'state-mismatch', 'access-denied', 'invalid-client', 'redirect-uri-mismatch', 'pkce-required', 'invalid-grant', 'invalid-scope',
    'invalid-request', 'authorize-failed', 'refresh-revoked', 'clock-skew', 'server', 'unreachable', 'timeout', 'cancelled', 'bad-response',
  ];

  it('words every code, with the host and nothing else from outside', () => {
    const texts = new Set<string>();
    for (const code of codes) {
      const { message, hint } = describeOAuthError({ code, host: 'space.example.com', status: 400 });
      expect(message.length).toBeGreaterThan(10);
      expect(hint.length).toBeGreaterThan(10);
      texts.add(message);
    }
    expect(texts.size).toBe(codes.length);
    expect(describeOAuthError({ code: 'redirect-uri-mismatch', host: 'space.example.com' }).message).toContain('space.example.com');
    expect(describeOAuthError({ code: 'access-denied' }).message).toBe('Access was not approved in Space.');
    expect(new OAuthError('timeout').message).toBe('timeout');
  });
});
