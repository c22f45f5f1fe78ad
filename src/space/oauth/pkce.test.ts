import { describe, expect, it } from 'vitest';
import { base64url, createPkce, isValidVerifier, pkceChallenge, randomState, randomVerifier } from './pkce.ts';

// ----- PKCE -------------------------------------------------------------------------------------------------------

describe('PKCE (RFC 7636)', () => {
  // RFC 7636 Appendix B: the 32 random octets, their base64url (the verifier), the SHA-256 octets of the verifier
  // and their base64url (the challenge). (A copy of the challenge going around as "…uJGPWKyeCM" is a typo: it is
  // not the base64url of the RFC's own hash octets.)
  const OCTETS = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const HASH = [19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195];
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it("matches Appendix B's test vector", async () => {
    expect(base64url(new Uint8Array(OCTETS))).toBe(VERIFIER);
    expect(base64url(new Uint8Array(HASH))).toBe(CHALLENGE);
    expect(await pkceChallenge(VERIFIER)).toBe(CHALLENGE);
    const fill = (bytes: Uint8Array): Uint8Array => {
      bytes.set(OCTETS);
      return bytes;
    };
    expect(randomVerifier(fill)).toBe(VERIFIER);
    expect(await createPkce(fill)).toEqual({ verifier: VERIFIER, challenge: CHALLENGE });
  });

  it('makes 43-character verifiers from 32 random bytes, different each time', async () => {
    const a = await createPkce();
    const b = await createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(isValidVerifier(a.verifier)).toBe(true);
    expect(randomState()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomState()).not.toBe(randomState());
  });

  it('refuses verifiers RFC 7636 does not allow', async () => {
    for (const bad of ['', 'a'.repeat(42), 'a'.repeat(129), `${'a'.repeat(42)}+`, `${'a'.repeat(42)} `]) {
      expect(isValidVerifier(bad)).toBe(false);
      await expect(pkceChallenge(bad)).rejects.toThrow(TypeError);
    }
    expect(isValidVerifier('a'.repeat(128))).toBe(true);
    expect(isValidVerifier(`${'a'.repeat(39)}-._~`)).toBe(true);
  });

  it('base64url has no padding and uses - and _', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([]))).toBe('');
  });
});
